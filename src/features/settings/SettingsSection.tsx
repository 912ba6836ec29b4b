import { useId, type ReactNode } from 'react';

/** One section of the Settings page: a heading, what it is about, and its controls. */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="border-b border-slate-200 py-6 last:border-b-0 dark:border-slate-800"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      {description && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      )}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** A radio group of a setting's choices, each with an optional hint (its description, not its name). */
export function Choices<T extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  choices: readonly { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 flex flex-col gap-2">
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          return (
            <div key={choice.value} className="flex items-start gap-2 text-sm">
              <input
                id={inputId}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                className="mt-0.5"
              />
              <div>
                <label htmlFor={inputId}>{choice.label}</label>
                {choice.hint && (
                  <p id={`${inputId}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
                    {choice.hint}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
