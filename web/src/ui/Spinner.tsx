export function Spinner({ size = 'normal', label }: { size?: 'small' | 'normal'; label?: string }) {
  return (
    <span className={`spinner spinner-${size}`} role={label ? 'status' : undefined} aria-label={label} aria-hidden={label ? undefined : true} />
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="loading" role="status">
      <Spinner /> <span>Loading {what}…</span>
    </div>
  );
}
