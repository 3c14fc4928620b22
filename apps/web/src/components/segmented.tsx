'use client';

/** One option of a Segmented control. */
export interface TSegment<T extends string> {
  value: T;
  label: string;
  title?: string;
}

/** A row of joined toggle buttons, exactly one pressed: a small choice shown all at once. Test ids `<testId>-<value>`. */
export function Segmented<T extends string>({
  options,
  value,
  onChange,
  ariaLabel,
  testId,
}: {
  options: readonly TSegment<T>[];
  value: NoInfer<T>;
  onChange(value: NoInfer<T>): void;
  ariaLabel: string;
  testId: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={ariaLabel}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          title={o.title}
          className={`segmented-button${value === o.value ? ' segmented-button--active' : ''}`}
          aria-pressed={value === o.value}
          data-testid={`${testId}-${o.value}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
