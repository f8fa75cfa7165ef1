import type { RenderedEmail, TemplateName, TemplateProps } from "@/emails";

/**
 * Renders one message with the templates (emails/), imported on the first message: react-email's components and
 * html-to-text are tens of megabytes that a server sending no mail since it started never needs in memory.
 */
export async function renderEmail<N extends TemplateName>(name: N, props: TemplateProps[N]): Promise<RenderedEmail> {
  const emails = await import("@/emails");
  return emails.renderEmail(name, props);
}
