const AVAILABLE = [
  "A Postgres data plane where row-level security keeps every tenant's rows apart",
  "Tenants with owner, admin, member and viewer roles",
  "Live health checks of the database, the worker and Redis",
];

const IN_PROGRESS = [
  "Sign-up, sessions and invitations",
  "AI agents with tools, multi-agent workspaces and realtime rooms",
  "Knowledge bases with vector and full-text search",
  "Per-tenant billing, API keys and an admin console",
];

export default function HomePage() {
  return (
    <main className="home">
      <h1>Sovra</h1>
      <p className="lead">
        Open-source, self-hostable, multi-tenant infrastructure for AI products, as one coherent
        platform in TypeScript.
      </p>

      <h2>Working today</h2>
      <ul className="capabilities">
        {AVAILABLE.map((capability) => (
          <li key={capability}>{capability}</li>
        ))}
      </ul>

      <h2>Being built</h2>
      <ul className="capabilities">
        {IN_PROGRESS.map((capability) => (
          <li key={capability}>{capability}</li>
        ))}
      </ul>

      <p>
        Is everything up? <a href="/api/health">/api/health</a> checks the database, the worker and
        Redis live and answers in JSON.
      </p>
    </main>
  );
}
