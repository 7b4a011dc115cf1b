import { z } from "zod";
import { buttonCodec } from "../../core/button-data.js";
import { PROGRAMMES } from "../../domain/programmes.js";

/** `dk:<programme>` starts that programme's form (as `/dangky <programme>`); other features link to it. */
export const registerButton = buttonCodec("dk", z.tuple([z.enum(PROGRAMMES)]));
