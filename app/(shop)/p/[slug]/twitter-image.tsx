// X draws no SVG either: twitter:image is the same PNG card as og:image.
export { default, size, contentType } from "./opengraph-image";
