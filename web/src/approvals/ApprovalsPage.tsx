// Placeholder: built by the screen's owner.
export default function ApprovalsPage() {
  return <div className="page"><h1>Approvals</h1></div>;
}
