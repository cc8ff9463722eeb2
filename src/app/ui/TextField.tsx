import { useId } from 'react';

type Props = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown, and announced as the field's description, only when not null. */
  error: string | null;
  placeholder?: string;
  autoComplete?: string;
  maxLength?: number;
};

/** A labelled text input whose validation message is tied to it for screen readers. */
export function TextField({ label, name, value, onChange, error, ...rest }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        {...rest}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
