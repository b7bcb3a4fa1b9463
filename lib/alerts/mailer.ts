// E-mail through SMTP (nodemailer). One transport per process, configured by SMTP_URL and MAIL_FROM.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

let transport: Transporter | undefined;

export function mailer(): Transporter {
  transport ??= nodemailer.createTransport(env().SMTP_URL, { from: env().MAIL_FROM });
  return transport;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export async function sendMail(mail: Mail): Promise<void> {
  await mailer().sendMail({ from: env().MAIL_FROM, ...mail });
}
