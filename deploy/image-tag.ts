/** An image reference with an explicit tag other than `latest` (or a digest), so every pull gets the same build. */
export function hasPinnedTag(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const name = image.slice(image.lastIndexOf("/") + 1);
  const tag = name.includes(":") ? name.slice(name.indexOf(":") + 1) : "";
  return tag !== "" && tag !== "latest" && !tag.startsWith("$");
}
