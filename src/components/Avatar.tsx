import { useState } from 'react';

/** Pairs of background and text with at least 4.5:1 contrast in each theme, picked by a hash of the name. */
const COLOURS = [
  'bg-rose-200 text-rose-950 dark:bg-rose-800 dark:text-rose-50',
  'bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50',
  'bg-lime-200 text-lime-950 dark:bg-lime-800 dark:text-lime-50',
  'bg-emerald-200 text-emerald-950 dark:bg-emerald-800 dark:text-emerald-50',
  'bg-cyan-200 text-cyan-950 dark:bg-cyan-800 dark:text-cyan-50',
  'bg-sky-200 text-sky-950 dark:bg-sky-800 dark:text-sky-50',
  'bg-indigo-200 text-indigo-950 dark:bg-indigo-800 dark:text-indigo-50',
  'bg-fuchsia-200 text-fuchsia-950 dark:bg-fuchsia-800 dark:text-fuchsia-50',
] as const;

/** A small, stable hash of a name (FNV-1a): the same person always gets the same colour. */
export function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Up to two initials: first and last word ("Ana Kovač" → "AK"); letters only, in any script. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letter = (word: string | undefined) => (word ? (Array.from(word)[0] ?? '') : '');
  const first = letter(words[0]);
  const last = words.length > 1 ? letter(words[words.length - 1]) : '';
  return (first + last).toUpperCase() || '?';
}

/** An address an image may be loaded from: http or https only (an API's string is untrusted). */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A person's picture, or their initials on a colour of their own where there is none (or it fails to load).
 * Decorative: the name is always written beside it.
 */
export function Avatar({
  name,
  url,
  className = 'size-8 text-xs',
}: {
  name: string;
  url?: string | null;
  className?: string;
}) {
  const src = safeImageUrl(url);
  const [failed, setFailed] = useState<string | null>(null);
  const colour = COLOURS[nameHash(name) % COLOURS.length];
  if (src && failed !== src)
    return (
      <img
        src={src}
        alt=""
        referrerPolicy="no-referrer"
        loading="lazy"
        decoding="async"
        onError={() => setFailed(src)}
        className={`shrink-0 rounded-full object-cover ${className}`}
      />
    );
  return (
    <span
      aria-hidden="true"
      data-avatar-initials
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold select-none ${colour} ${className}`}
    >
      {initialsOf(name)}
    </span>
  );
}
