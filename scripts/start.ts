import { loadConfigOrExplain } from "./launcher/load-config";
import { runLauncher } from "./launcher/run";

// `npm start` and `npm run dev`: see docs/ for what each starts and where data lives.
const config = loadConfigOrExplain();
const exitCode =
  config === undefined ? 1 : await runLauncher(config, { dev: process.argv.includes("--dev") });

// Exit explicitly: a library handle left open (a pool timer, a socket) must not keep a
// stopped launcher alive.
process.exit(exitCode);
