import { assertFileKey } from "../storage/file-storage";

/** Where a return's label PDF is stored: returns/<return id>/label.pdf. */
export function returnLabelFileKey(returnId: string): string {
  const key = `returns/${returnId}/label.pdf`;
  assertFileKey(key);
  if (returnId.includes("/")) throw new Error(`invalid return id ${JSON.stringify(returnId)}`);
  return key;
}
