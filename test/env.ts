/** The variables a development server has once its start script ran (secrets included), for tests that parse an environment. */
export const developmentEnv = {
  DATABASE_URL: "postgres://localhost/unused",
  NEXTAUTH_SECRET: "s".repeat(40),
  LINK_SIGNING_SECRET: `k1:${"l".repeat(40)}`,
  STRIPE_WEBHOOK_SECRET: "whsec_test_only",
};
