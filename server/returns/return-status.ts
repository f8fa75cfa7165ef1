import type { returnStatus } from "@/db/schema";

export type ReturnStatus = (typeof returnStatus.enumValues)[number];
