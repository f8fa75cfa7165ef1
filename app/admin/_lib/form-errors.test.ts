import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { invalidProps, issuesToErrors, placeErrors, serverErrors } from "./form-errors";

const inputs = ["slug", "options.0.values", "variants.0.sku", "variants.1.sku", "variants.1.optionValues.size", "variants.1.optionValues.colour"];

describe("placeErrors", () => {
  it("puts messages on the exact input, a descendant, or the nearest ancestor, and the rest in the banner", () => {
    const placed = placeErrors(
      {
        slug: "Taken",
        "variants.1.sku": "Duplicate SKU",
        "variants.1.optionValues": "Another variant already has these option values",
        "options.0.values.2": "Option value is required",
        variants: "Add at least one variant",
      },
      inputs,
    );
    expect(placed.fields).toEqual({
      slug: "Taken",
      "variants.1.sku": "Duplicate SKU",
      "variants.1.optionValues.size": "Another variant already has these option values",
      "options.0.values": "Option value is required",
    });
    expect(placed.unplaced).toEqual(["Add at least one variant"]);
  });
});

describe("serverErrors", () => {
  it("merges DomainError fieldErrors and zod issues from a tRPC error", () => {
    const error = new TRPCClientError("slug taken", {
      result: {
        error: {
          code: -32009,
          message: "slug taken",
          data: { code: "CONFLICT", httpStatus: 409, fieldErrors: { slug: "This slug is taken" }, zodIssues: null },
        },
      },
    });
    expect(serverErrors(error)).toEqual({ fields: { slug: "This slug is taken" }, message: "slug taken" });
  });

  it("hides the raw zod message behind a readable summary", () => {
    const error = new TRPCClientError('[{"path":["variants",2,"sku"]}]', {
      result: {
        error: {
          code: -32600,
          message: "[...]",
          data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors: null, zodIssues: [{ path: ["variants", "2", "sku"], message: "SKU is required" }] },
        },
      },
    });
    expect(serverErrors(error)).toEqual({ fields: { "variants.2.sku": "SKU is required" }, message: "Some fields need attention." });
  });

  it("treats anything else as a network failure", () => {
    expect(serverErrors(new TypeError("fetch failed")).fields).toEqual({});
  });
});

describe("issuesToErrors and invalidProps", () => {
  it("joins paths and wires aria attributes only on invalid inputs", () => {
    const errors = issuesToErrors([
      { path: ["variants", 0, "sku"], message: "first" },
      { path: ["variants", 0, "sku"], message: "second" },
    ]);
    expect(errors).toEqual({ "variants.0.sku": "first" });
    expect(invalidProps("variants.0.sku", errors)).toEqual({
      id: "field-variants-0-sku",
      "aria-invalid": true,
      "aria-describedby": "field-variants-0-sku-error",
    });
    expect(invalidProps("slug", errors)).toEqual({ id: "field-slug", "aria-invalid": undefined, "aria-describedby": undefined });
  });
});
