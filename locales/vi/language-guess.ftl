## The one-time offer to a user who wrote in English without choosing a language (src/flows/language.ts)

language-offer = Quý doanh nghiệp có muốn trợ lý trả lời bằng tiếng Anh từ nay về sau không? Có thể đổi lại bất cứ lúc nào bằng lệnh /ngonngu.
