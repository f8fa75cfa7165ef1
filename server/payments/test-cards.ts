/** The simulator's cards: Stripe's own test numbers, so the same habits work on both. */
export interface TestCard {
  number: string;
  label: string;
  outcome: "succeeded" | "failed";
  /** What Stripe puts in last_payment_error.decline_code for this card. */
  declineCode?: "generic_decline" | "insufficient_funds";
  /** The success arrives this long after the shopper submits, as an asynchronous payment method's would. */
  delayMs?: number;
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: "4242424242424242", label: "Succeeds", outcome: "succeeded" },
  { number: "4000000000000002", label: "Declined", outcome: "failed", declineCode: "generic_decline" },
  { number: "4000000000009995", label: "Insufficient funds", outcome: "failed", declineCode: "insufficient_funds" },
  { number: "4000000000003220", label: "Succeeds after about 3 seconds", outcome: "succeeded", delayMs: 3000 },
];

export function findTestCard(number: string): TestCard | undefined {
  const digits = number.replace(/[\s-]/g, "");
  return TEST_CARDS.find((card) => card.number === digits);
}

/** "4242 4242 4242 4242" */
export const formatCardNumber = (number: string) => number.replace(/(\d{4})(?=\d)/g, "$1 ");

const DECLINE_MESSAGES: Record<string, string> = {
  insufficient_funds: "Your card has insufficient funds.",
  generic_decline: "Your card was declined.",
  card_declined: "Your card was declined.",
};

export const declineMessage = (reason: string | null | undefined) => DECLINE_MESSAGES[reason ?? ""] ?? "Your payment was declined.";
