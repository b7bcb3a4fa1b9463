"use client";
// Tells screen-reader users when a monitor's state changes on an auto-refreshing page.
import { useEffect, useRef, useState } from "react";

export function StateAnnouncer({ states }: { states: { id: string; name: string; label: string }[] }) {
  const previous = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState("");
  const key = states.map((item) => `${item.id}:${item.label}`).join("|");
  useEffect(() => {
    const current = new Map(states.map((item) => [item.id, item.label]));
    if (previous.current) {
      const changed = states.filter((item) => previous.current!.has(item.id) && previous.current!.get(item.id) !== item.label);
      if (changed.length) setMessage(changed.map((item) => `${item.name} is now ${item.label}.`).join(" "));
    }
    previous.current = current;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <p aria-live="polite" className="sr-only" data-testid="state-announcer">
      {message}
    </p>
  );
}
