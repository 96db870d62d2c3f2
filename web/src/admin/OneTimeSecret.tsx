import { useId, useState } from 'react';
import { Button } from '../ui/Button';

/**
 * A password, token or secret the API shows once: said plainly, selectable, with a copy button.
 * The parent drops it (onDone) when the admin says it is saved; it cannot be shown again.
 */
export function OneTimeSecret({ title, label, value, children, onDone }: {
  title: string;
  label: string;
  value: string;
  children?: React.ReactNode;
  onDone?: () => void;
}) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="notice notice-warning adm-secret" aria-labelledby={`${id}-title`}>
      <strong id={`${id}-title`}>{title}</strong>
      <p>
        <span aria-hidden="true">⚠ </span>
        <b>Shown once.</b> It is not stored in a form anyone can read back: copy it now and hand it over safely. If it is lost, issue a new one.
      </p>
      {children}
      <div className="adm-secret-row">
        <label htmlFor={`${id}-value`} className="adm-secret-label">{label}</label>
        <input id={`${id}-value`} className="adm-secret-value" readOnly value={value} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <Button onClick={() => void copy()}>Copy</Button>
      </div>
      <p className="small" role="status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser refused the clipboard: select the text and copy it by hand.' : ''}
      </p>
      {onDone && (
        <div className="actions">
          <Button variant="primary" onClick={onDone}>I have saved it</Button>
        </div>
      )}
    </section>
  );
}
