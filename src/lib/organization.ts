import { createContext, use } from 'react';
import type { ProductiveOrganization } from './productive-url.ts';

/**
 * The Productive organization the user works in, for addresses in Productive's web app: in personal and team mode
 * the session's (its id, from Productive's own answer at sign-in or the server's settings; Productive tells no
 * slug); none in demo mode, whose organization is not one in Productive. The app provides it (src/app/App.tsx).
 */
export const OrganizationContext = createContext<ProductiveOrganization | null>(null);

export const useProductiveOrganization = (): ProductiveOrganization | null =>
  use(OrganizationContext);
