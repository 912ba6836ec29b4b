/** Draws the unread count onto the favicon, so that it shows in the tab strip. */
let original: string | null = null;

export function setFaviconBadge(label: string | null) {
  const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) return;
  original ??= link.href;
  if (!label) {
    link.href = original;
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 64;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#3b6cf6';
  context.beginPath();
  context.roundRect(0, 0, 64, 64, 14);
  context.fill();
  context.fillStyle = '#dc2626';
  context.beginPath();
  context.arc(44, 20, 20, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = '#fff';
  context.font = `bold ${label.length > 2 ? 18 : 24}px sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(label, 44, 21);
  link.href = canvas.toDataURL('image/png');
  link.dataset.badge = label;
}
