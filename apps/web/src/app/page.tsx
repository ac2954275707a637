const CAPABILITIES = [
  "Auth, tenants and roles",
  "AI agents with tools",
  "Multi-agent workspaces",
  "Knowledge bases with vector search",
  "Realtime collaboration",
  "Per-tenant billing and API keys",
  "An admin console",
];

export default function HomePage() {
  return (
    <main className="home">
      <h1>Sovra</h1>
      <p className="lead">
        Open-source, self-hostable, multi-tenant infrastructure for AI products, as one coherent
        platform in TypeScript.
      </p>

      <ul className="capabilities">
        {CAPABILITIES.map((capability) => (
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
