'use client';

/**
 * One text box with Save and Cancel, in place of what it edits (a run's name, a new tag). Enter
 * saves, Escape cancels; the API's refusal shows beside it until the text changes.
 */
export function InlineTextForm(props: {
  label: string;
  testId: string;
  value: string;
  onChange(text: string): void;
  onSave(): void;
  onCancel(): void;
  busy: boolean;
  error?: string | undefined;
  placeholder?: string;
  maxLength: number;
}) {
  const { label, testId, value, onChange, onSave, onCancel, busy, error } = props;
  return (
    <form
      className="inline-edit"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <input
        aria-label={label}
        data-testid={`${testId}-input`}
        // Opened by a click on purpose: the box is what the user asked for.
        autoFocus
        type="text"
        autoComplete="off"
        value={value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={Boolean(error)}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit" className="button button--small" disabled={busy} data-testid={`${testId}-save`}>
        {busy ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button button--small" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </form>
  );
}
