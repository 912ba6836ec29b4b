/** The composer of the detail or feed on screen, if any: a textarea marked `data-composer`. */
export const COMPOSER_SELECTOR = 'textarea[data-composer]';

/**
 * Puts the focus in the reply composer on screen (the reading pane's `r`); false when there is none (a detail
 * without a feed). The caret goes to the end of what is written.
 */
export function focusComposer(root: ParentNode = document): boolean {
  const composer = root.querySelector<HTMLTextAreaElement>(COMPOSER_SELECTOR);
  if (!composer) return false;
  // Where it is already on screen (the foot of the pane or the page): focusing it never scrolls the list.
  composer.focus({ preventScroll: true });
  composer.setSelectionRange(composer.value.length, composer.value.length);
  return true;
}
