import { parseTitleMarkup } from '../lib/markup/title-markup.ts';
import { Highlighted } from './Highlighted.tsx';

/** The API's title markup as React text: bold and italic survive, nothing is ever parsed as HTML. */
export function NotificationTitle({ markup }: { markup: string }) {
  return (
    <>
      {parseTitleMarkup(markup).map((segment, index) => {
        const className =
          `${segment.bold ? 'font-semibold' : ''} ${segment.italic ? 'italic' : ''}`.trim();
        return className ? (
          <span key={index} className={className}>
            <Highlighted text={segment.text} />
          </span>
        ) : (
          <Highlighted key={index} text={segment.text} />
        );
      })}
    </>
  );
}
