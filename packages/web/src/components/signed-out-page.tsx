import { SignedOutLayout } from "@sos/ui";
import type { ReactNode } from "react";
import { useSosApp } from "../app-definition";
import { APP_NAMES_JA, SERVICE_NAME } from "../apps";
import { ReadOnlyBanner } from "../session/read-only-banner";
import { PageTitle } from "./page-title";

/** @sos/ui's signed-out frame with this app's name and the tab title set. */
export function SignedOutPage({ title, children }: { title: string; children: ReactNode }) {
  const app = useSosApp();
  return (
    <SignedOutLayout title={title} appTitle={APP_NAMES_JA[app.id]} productName={SERVICE_NAME}>
      <PageTitle>{title}</PageTitle>
      <ReadOnlyBanner />
      {children}
    </SignedOutLayout>
  );
}
