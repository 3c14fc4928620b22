/** A multi-select as a row of checkboxes (sweep mode's model, variant, optimizer, backend). */
export function ChoiceChecks({
  name,
  options,
  picked,
  labels = {},
  invalid,
  onToggle,
}: {
  name: string;
  options: readonly string[];
  picked: readonly string[];
  labels?: Record<string, string>;
  invalid: boolean;
  onToggle: (option: string) => void;
}) {
  return (
    <div
      className="choice-checks"
      role="group"
      aria-labelledby={`run-${name}-label`}
      aria-invalid={invalid}
      aria-describedby={invalid ? `run-${name}-error` : undefined}
      data-testid={`sweep-choices-${name}`}
    >
      {options.map((option) => (
        <label key={option} className="choice-check">
          <input type="checkbox" name={name} value={option} checked={picked.includes(option)} onChange={() => onToggle(option)} />
          {labels[option] ?? option}
        </label>
      ))}
    </div>
  );
}
