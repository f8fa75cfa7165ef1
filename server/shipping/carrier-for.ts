import type { ServiceContext } from "../context";
import { easyPostConfig } from "../env";
import type { Carrier } from "./carrier";
import { createCarrierSimulator } from "./carrier-simulator";
import { createEasyPostCarrier } from "./easypost-carrier";

let fromEnv: Carrier | undefined;

/** The context's carrier (tests inject one), else EasyPost when EASYPOST_API_KEY is set, else the carrier simulator; chosen once. */
export function carrierFor(ctx: ServiceContext): Carrier {
  if (ctx.carrier) return ctx.carrier;
  const easyPost = easyPostConfig();
  fromEnv ??= easyPost ? createEasyPostCarrier(easyPost) : createCarrierSimulator();
  return fromEnv;
}
