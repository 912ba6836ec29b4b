import { Icon } from '../../../components/icons.tsx';
import { useProductiveOrganization } from '../../../lib/organization.ts';
import { productiveUrl, type ProductiveTarget } from '../../../lib/productive-url.ts';

/** A link to the item in Productive's web app, in a new tab, or to Productive's home where no address is known. */
export function OpenInProductive({
  target,
  className = '',
}: {
  target: ProductiveTarget;
  className?: string;
}) {
  const organization = useProductiveOrganization();
  return (
    <a
      href={productiveUrl(organization, target)}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="open-in-productive"
      className={`inline-flex items-center gap-1 text-sm font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100 ${className}`}
    >
      Open in Productive
      <Icon name="external" />
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
