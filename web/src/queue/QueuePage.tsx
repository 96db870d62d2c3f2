// Placeholder: built by the screen's owner.
export function QueuePage() {
  return <div className="page"><h1>Queue</h1></div>;
}
