# What is wrong with an answer, and an example of a right one.

val-tax-empty = Please enter the tax code, for example: { $example }.
val-tax-digits = A tax code has digits only (a branch adds a dash and 3 digits). For example: { $example }.
val-tax-personal = A 12-digit number is a personal ID number. Enterprises and cooperatives have a 10-digit code (branches: 13 digits). For example: { $example }.
val-tax-length = A tax code has 10 digits (branches: 13); this one has { $count }. For example: { $example }.
val-tax-checksum = This tax code is not valid (its check digit does not match); a digit may be mistyped. Please compare it with the enterprise registration certificate. A valid example: { $example }.
val-tax-branch = The last three digits of a branch code must be 001 to 999. For example: { $example }.

val-phone-empty = Please enter a phone number, for example: { $example }.
val-phone-chars = A phone number has digits only (spaces, dots and a leading + are fine). For example: { $example }.
val-phone-foreign = Only Vietnamese phone numbers are accepted (starting with 0 or +84). For example: { $example }.
val-phone-length = The number has too few or too many digits: mobiles have 10 digits, landlines 11 (with the area code). For example: { $example }.
val-phone-invalid = This is not a valid Vietnamese phone number: mobiles start with 03, 05, 07, 08, 09; landlines with an area code 02. For example: { $example }.
val-phone-unknown-prefix = Note: the prefix { $prefix } is not in the assistant's list of networks; the number is kept, please check it in case of a typo.

val-email-empty = Please enter an email address, for example: { $example }.
val-email-space = An email address has no spaces. For example: { $example }.
val-email-at = An email address needs exactly one @. For example: { $example }.
val-email-invalid = This email address is not well formed (no accents, a domain such as .vn or .com). For example: { $example }.

val-money-empty = Please enter an amount, for example: { $example }.
val-money-negative = An amount cannot be negative. For example: { $example }.
val-money-invalid = The assistant could not read this amount. You can write it as 1,5 tỷ; 200 triệu; 1.500.000.000. For example: { $example }.
val-money-unit = The amount needs a unit (triệu = million, tỷ = billion) or all its digits. For example: { $example } or 1.500.000.000.
val-money-too-large = This amount is too large; it may be a typo. For example: { $example }.

val-date-empty = Please enter a date, for example: { $example }.
val-date-format = The assistant could not read this date. Write day/month/year (15/3/2019), month/year (03/2019) or the year (2019). For example: { $example }.
val-date-invalid = This day does not exist (like 31/2). A valid example: { $example }.
val-date-year = Please write the year with 4 digits. For example: { $example }.
val-date-future = This date is in the future; please check it. For example: { $example }.
val-date-too-old = This year is too far back; it may be a typo. For example: { $example }.

val-address-short = The address is too short. Please give the commune or ward and the province, for example: { $example }.
val-address-long = The address is too long (at most { $max } characters). For example: { $example }.
val-address-commune = Please name the commune or ward (xã, phường or đặc khu) and the province, for example: { $example }. An old address with a district is accepted too.
val-address-assumed-province = The assistant takes the address to be in { $province }; if that is wrong, you can change it in the summary.

val-count-empty = Please enter the number of employees, for example: { $example }.
val-count-negative = The number of employees cannot be negative. For example: { $example }.
val-count-invalid = Please enter a number, for example: { $example }.
val-count-whole = The number of employees is a whole number. For example: { $example }.
val-count-too-large = This number is too large; it may be a typo. For example: { $example }.

val-text-short = The answer needs at least { $min } characters including letters. For example: { $example }.
val-text-long = The answer is too long (at most { $max } characters). For example: { $example }.
val-person-digits = A person's name has no digits. For example: { $example }.
