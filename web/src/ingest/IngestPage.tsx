// Placeholder: built by the screen's owner.
export default function IngestPage() {
  return <div className="page"><h1>Ingest</h1></div>;
}
