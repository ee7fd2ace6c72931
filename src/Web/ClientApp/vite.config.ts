import { defineConfig } from "vite";
import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";

// The server (src/Web) serves ../wwwroot as static files and falls back to index.html for client routes.
const outDir = fileURLToPath(new URL("../wwwroot", import.meta.url));

// During `npm run dev`, API and hub calls go to the ASP.NET Core server (override with QUORUM_SERVER).
const server = process.env.QUORUM_SERVER ?? "http://localhost:5000";

export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: true })],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": { target: server, changeOrigin: false },
      "/hubs": { target: server, ws: true, changeOrigin: false },
    },
  },
});
