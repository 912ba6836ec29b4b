/**
 * The layer of plain rows the server may write over the page (features/inbox/first-paint.ts, docs/decisions/019):
 * it hides the app under it until the app shows something of its own in its place, or fails to.
 */
export const FIRST_PAINT_ID = 'first-paint';

/** Removes the layer (if the page has one), showing the app under it. */
export function releaseFirstPaint(doc: Document = document): void {
  doc.getElementById(FIRST_PAINT_ID)?.remove();
}
