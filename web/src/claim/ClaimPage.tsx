// Placeholder: built by the screen's owner.
export default function ClaimPage() {
  return <div className="page"><h1>Claim</h1></div>;
}
