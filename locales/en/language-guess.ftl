## The one-time offer to a user who wrote in English without choosing a language (src/flows/language.ts)

language-offer = Reply in English from now on? You can change this at any time with /language.
