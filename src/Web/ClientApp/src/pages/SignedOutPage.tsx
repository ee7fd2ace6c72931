import { NeedSignIn } from "../components/NeedSignIn";
import { PageHeading } from "../components/PageHeading";

export function SignedOutPage() {
  return (
    <>
      <PageHeading title="Signed out" />
      <NeedSignIn signedOut />
    </>
  );
}
