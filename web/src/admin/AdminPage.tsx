// Placeholder: built by the screen's owner.
export default function AdminPage() {
  return <div className="page"><h1>Admin</h1></div>;
}
