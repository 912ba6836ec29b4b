import { Icon } from '../../../components/icons.tsx';
import { useProductiveOrganization } from '../../../lib/organization.ts';
import { isDeepLink, productiveUrl, type ProductiveTarget } from '../../../lib/productive-url.ts';

/**
 * A link to the item in Productive's web app, in a new tab ("Open in Productive"); where the item's address cannot
 * be known (demo mode, a type with no known address), to Productive's home, saying only "Open Productive".
 */
export function OpenInProductive({
  target,
  className = '',
}: {
  target: ProductiveTarget;
  className?: string;
}) {
  const organization = useProductiveOrganization();
  const href = productiveUrl(organization, target);
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="open-in-productive"
      className={`inline-flex items-center gap-1 text-sm font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100 ${className}`}
    >
      {isDeepLink(href) ? 'Open in Productive' : 'Open Productive'}
      <Icon name="external" />
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
