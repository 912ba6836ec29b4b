import type { ProductiveOrganization } from './productive-url.ts';

/**
 * The organization whose Productive the user works in, for addresses in Productive's web app. Not known to the
 * app yet: the session will carry it (the organization's id, and its slug if Productive tells it). Until then
 * "Open in Productive" leads to Productive's home.
 */
export function useProductiveOrganization(): ProductiveOrganization | null {
  return null;
}
