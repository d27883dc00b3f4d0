import { z } from "#zod";
import { CONDITIONS_NOT_CONFIRMED_MESSAGE } from "../consent";
import { optionalField } from "../fields/normalized";
import { phoneField } from "../fields/phone";
import { optionalText, requiredText } from "../fields/text";

export const SOS_NOTES_MAX_LENGTH = 2000;

/** What the institution types on the request screen (保存 stores it as a draft). */
export const SosRequestFormInput = z.object({
  contactName: requiredText("担当者氏名", 100),
  /** For the prefecture's or ministry's follow-up call; the institution's number if blank. */
  contactPhone: optionalField(phoneField),
  notes: optionalText("備考", SOS_NOTES_MAX_LENGTH),
  conditionsConfirmed: z.pipe(
    z
      .boolean({ error: CONDITIONS_NOT_CONFIRMED_MESSAGE })
      .check(
        z.refine<boolean>((confirmed) => confirmed, { error: CONDITIONS_NOT_CONFIRMED_MESSAGE }),
      ),
    z.transform((): true => true),
  ),
});
export type SosRequestFormInput = z.input<typeof SosRequestFormInput>;
export type SosRequestForm = z.output<typeof SosRequestFormInput>;
