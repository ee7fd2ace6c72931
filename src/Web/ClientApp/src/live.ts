// Preact hooks over hub.ts: connection state, server events and re-joining after a reconnect.

import { useEffect, useRef, useState } from "preact/hooks";
import {
  type ConnectionStatus, type HubEvents, connectionStatus, onConnectionStatus, onHubEvent, onRejoin,
} from "./hub";

export function useConnectionStatus(): ConnectionStatus {
  const [status, setStatus] = useState(connectionStatus());
  useEffect(() => onConnectionStatus(setStatus), []);
  return status;
}

/** Subscribes to a server event for the life of the component; the latest handler is always used. */
export function useHubEvent<E extends keyof HubEvents>(event: E, handler: (arg: HubEvents[E]) => void) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => onHubEvent(event, (arg) => latest.current(arg)), [event]);
}

/** Runs the callback whenever the connection came back, so the page joins its groups and reloads. */
export function useRejoin(callback: () => void) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => onRejoin(() => latest.current()), []);
}
