// The page frame (skip link, header with navigation and connection state, main) and the routes.

import type { FunctionComponent } from "preact";
import { useEffect } from "preact/hooks";
import { ConnectionStatus } from "./components/ConnectionStatus";
import { PanelNav } from "./components/PanelNav";
import { PageHeading } from "./components/PageHeading";
import { setCurrentPanel } from "./panelContext";
import { match, usePath } from "./router";
import { BankPage } from "./pages/BankPage";
import { HomePage } from "./pages/HomePage";
import { ItemPage } from "./pages/ItemPage";
import { JoinPage } from "./pages/JoinPage";
import { DashboardPage } from "./pages/DashboardPage";
import { MembersPage } from "./pages/MembersPage";
import { ReviewSettingsPage } from "./pages/ReviewSettingsPage";
import { RoundPage } from "./pages/RoundPage";
import { RoundsPage } from "./pages/RoundsPage";
import { SignedOutPage } from "./pages/SignedOutPage";
import { WritePage } from "./pages/WritePage";

type Params = Record<string, string>;

const routes: [string, FunctionComponent<Params>][] = [
  ["/", HomePage as FunctionComponent<Params>],
  ["/join", JoinPage as FunctionComponent<Params>],
  ["/signed-out", SignedOutPage as FunctionComponent<Params>],
  ["/panels/:panelId", BankPage as FunctionComponent<Params>],
  ["/panels/:panelId/members", MembersPage as FunctionComponent<Params>],
  ["/panels/:panelId/live", DashboardPage as FunctionComponent<Params>],
  ["/panels/:panelId/rounds", RoundsPage as FunctionComponent<Params>],
  ["/panels/:panelId/rounds/:roundId", RoundPage as FunctionComponent<Params>],
  ["/panels/:panelId/review", ReviewSettingsPage as FunctionComponent<Params>],
  ["/panels/:panelId/write", WritePage as FunctionComponent<Params>],
  ["/panels/:panelId/items/:itemId", ItemPage as FunctionComponent<Params>],
];

function resolve(path: string): { Page: FunctionComponent<Params>; params: Params } | null {
  for (const [pattern, Page] of routes) {
    const params = match(pattern, path);
    if (params) return { Page, params };
  }
  return null;
}

export function App() {
  const path = usePath();
  const route = resolve(path);
  const panelId = route?.params.panelId;

  useEffect(() => {
    if (!panelId) setCurrentPanel(null);
  }, [panelId]);

  return (
    <>
      <a class="skip-link" href="#main">Skip to main content</a>
      <header class="site-header">
        <div class="wrap header-row">
          <span class="brand">Quorum</span>
          <nav aria-label="Main">
            <ul>
              <li><a href="/" aria-current={path === "/" ? "page" : undefined}>Your panels</a></li>
            </ul>
          </nav>
          {panelId && <ConnectionStatus />}
        </div>
        {panelId && (
          <div class="wrap">
            <PanelNav panelId={panelId} path={path} />
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1} class="wrap">
        {route ? <route.Page key={path} {...route.params} /> : <NotFound />}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>There is no page at this address. <a href="/">Go to your panels</a>.</p>
    </>
  );
}
