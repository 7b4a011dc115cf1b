# Registration for the award (GTCLQG), requests for NSCL support, contact updates.

cmd-register = Register for the Award or request support
menu-register = 📝 Register

programme-gtclqg = National Quality Award
programme-nscl = Productivity and Quality Programme

reg-choose =
    What would you like to register for?
    • <b>National Quality Award</b>: for organisations operating for 36 months or more; a short registration first, the full dossier later.
    • <b>Productivity and quality support</b>: management systems, improvement tools, company standards, traceability…
reg-choose-gtclqg = 🏆 National Quality Award
reg-choose-nscl = 🛠 Request productivity and quality support

reg-title-gtclqg = registration for the National Quality Award
reg-title-nscl = request for productivity and quality support
reg-title-contact = contact update
reg-summary-title-gtclqg = <b>Please check your registration for the National Quality Award</b>
reg-summary-title-nscl = <b>Please check your request for productivity and quality support</b>
reg-summary-title-contact = <b>Please check the new contact details</b>
reg-button-submit = ✅ Submit
reg-button-save-contact = ✅ Save contact details

reg-ask-consent =
    <b>Consent to the processing of personal data</b>
    To take your registration the assistant will store what you provide: about the organisation (name, tax code, address, sector, size, product), the contact person (name, position, phone, email), files you send, and the time of your consent.
    • Purpose: receiving the registration and guiding you through the dossier.
    • Who sees it: the officials of { $unit }. The data stays on the Department's server and is not passed to third parties.
    • You can see everything stored with /mydata, and withdraw a submission and have the contact details removed with /withdraw. Unfinished answers are deleted after 30 days without use.
    Do you agree? (Type /cancel to stop at any time.)
reg-ask-org-name = The organisation's full name (as on its registration certificate)? For example: Công ty TNHH Sản xuất Minh An
reg-ask-tax-code = The enterprise code (tax code)? 10 digits; a branch has 13 (like 0314409058-001).
reg-ask-org-type = Type of organisation?
reg-ask-founded = Date of establishment (first registration)? For example: 15/3/2019. If you do not remember the day, give the month (03/2019) or the year (2019).
reg-ask-address = Head office: commune or ward, and province? For example: Phường Trấn Biên, { $province }. (Districts were abolished on 1 July 2025; an old address with a district is accepted too.)
reg-ask-sector = Entering as production or services?
reg-ask-vsic = Main economic sector (section of the Vietnamese classification VSIC { $version ->
        [vsic2025] 2025
       *[other] 2018
    })? Choose below, or type the code on your business registration (for example: 1079).
reg-ask-employees = Average number of employees paying social insurance over the year? For example: 45
reg-ask-revenue = Total revenue of the last year? For example: 1,5 tỷ (1.5 billion VND); 800 triệu; 1.500.000.000. You may skip it if you give the total capital next.
reg-ask-capital = Total capital? For example: 20 tỷ (20 billion VND)
reg-ask-product = The main product or service you enter? For example: glazed ceramic tiles
reg-ask-market-since = Since when has this product or service been on the market? For example: 06/2020. { $rule }
reg-market-rule-2026 = Under the new rules (Article 59 of Decree 37/2026/NĐ-CP), the product entered must have been on the market for at least 12 months.
reg-market-rule-legacy = Under the rules applying to this award year (Decree 132/2008/NĐ-CP as amended by Decree 74/2018/NĐ-CP), there is no minimum time on the market.
reg-ask-certs = Which certificates do you hold? Choose them, then press Done; if none, just press Done.
reg-ask-certs-other = Names of the other certificates? For example: ISO/IEC 17025, HALAL
reg-ask-contact-name = Full name of the contact person? For example: Nguyễn Thị Lan
reg-ask-position = Position of the contact person? For example: Head of Quality Management
reg-ask-phone = Contact phone (mobile or landline)? For example: 0912 345 678 or 0251 3822 123
reg-ask-email = Contact email? For example: lienhe@congty.vn
reg-ask-documents = Documents (optional, you can send them later): you can send files into the chat now (registration form, reports, certificates…), then press Done. Files accepted: PDF, Word or images ({ $types }), at most { $max } MB each.
reg-ask-support-kinds =
    Which support do you need? Choose one or more, then press Done:
    { $list }
reg-ask-need = A short description of the need (product, process, goal)? For example: apply ISO 9001 and 5S in the workshop

reg-field-consent = Consent to data processing
reg-field-org-name = Organisation
reg-field-tax-code = Tax code
reg-field-org-type = Type
reg-field-founded = Established
reg-field-address = Address
reg-field-sector = Entering as
reg-field-vsic = Economic sector
reg-field-employees = Employees (social insurance)
reg-field-revenue = Revenue
reg-field-capital = Capital
reg-field-product = Product entered
reg-field-market-since = On the market since
reg-field-certs = Certificates
reg-field-certs-other = Other certificates
reg-field-contact-name = Contact person
reg-field-position = Position
reg-field-phone = Phone
reg-field-email = Email
reg-field-documents = Documents
reg-field-support-kinds = Support wanted
reg-field-need = The need

reg-org-type-enterprise = Enterprise
reg-org-type-cooperative = Cooperative
reg-org-type-public-unit = Public service unit
reg-org-type-other = Other
reg-sector-production = Production
reg-sector-services = Services

reg-address-province = (province: { $province })
reg-address-legacy = (address under the old boundaries)
reg-size-class = Under Decree 80/2021/NĐ-CP your organisation's size is: <b>{ $size }</b>.

reg-rule-2026 = Article 59 of Decree 37/2026/NĐ-CP (the new rules)
reg-rule-legacy = Decree 132/2008/NĐ-CP as amended by Decree 74/2018/NĐ-CP
reg-founded-not-yet =
    Under { $rule }, an organisation entering the Award must have operated continuously in Vietnam for at least 36 months before registering. Established on { $given }, your organisation { $exact ->
        [yes] meets this from <b>{ $from }</b>.
       *[no] meets this at the latest from <b>{ $from }</b> (give the exact day for a precise date).
    }
    Meanwhile you can request productivity and quality support; what you have entered is kept. If the date you typed is wrong, please type it again.
reg-founded-need-day = Established in { $given }: whether 36 months have passed depends on the day. Please give the exact date, for example: 15/3/2023.
reg-market-not-yet =
    Under { $rule }, the product entered must have been on the market for at least 12 months. On the market since { $given }, the product { $exact ->
        [yes] meets this from <b>{ $from }</b>.
       *[no] meets this at the latest from <b>{ $from }</b> (give the exact day for a precise date).
    }
    You can type the date again if it is wrong, press Back to enter another product, or request productivity and quality support.
reg-market-need-day = On the market since { $given }: whether 12 months have passed depends on the day. Please give the exact date, for example: 15/3/2025.
reg-action-switch-nscl = 🛠 Request productivity and quality support
reg-switched-to-nscl = The assistant moves to the request for productivity and quality support; what you have entered is kept.

reg-duplicate =
    Tax code { $taxCode } is already registered for the { $programme } { $year }: submission <code>{ $code }</code>, status <b>{ $status }</b> (updated { $date }). An organisation registers once per year.
    You can update the contact details of that submission, type the tax code again if it was mistyped, or type /cancel to stop.
reg-duplicate-other =
    Tax code { $taxCode } is already registered for the { $programme } { $year }. An organisation registers once per year.
    To learn about that submission, please use the account that registered it, or contact the { $contact }. You can also propose new contact details (an official checks them before they replace the old ones), type the tax code again if it was mistyped, or type /cancel to stop.
reg-action-update-contact = Update the contact details
reg-duplicate-gone = The earlier submission with this tax code is no longer active; you can go on registering.
reg-contact-update-owner = Updating the contact details of submission <code>{ $code }</code>. The current details are filled in: press ✏️ on what changes, then Save.
reg-contact-update-other = Updating the contact details of the submission registered with this tax code. It was registered from another account, so an official will check the new details before they replace the old ones.
reg-contact-line = { $name }, { $position }
reg-contact-updated = The contact details of submission <code>{ $code }</code> are updated: { $contact }.
reg-contact-proposed = The new contact details ({ $contact }) were sent to the officials in charge to check; the old ones stay until they confirm.

reg-done-gtclqg =
    ✅ Registration of <b>{ $org }</b> for the National Quality Award { $year } received.
    Submission code: <code>{ $code }</code> — please keep it.
reg-done-nscl =
    ✅ Request of <b>{ $org }</b> for productivity and quality support ({ $year }) received.
    Submission code: <code>{ $code }</code> — please keep it.
reg-next-gtclqg =
    <b>Next step:</b> prepare the full entry dossier:
    { $items }
    The officials in charge will contact you with details.
reg-next-gtclqg-2026-note = <i>This list follows the guidance of past years. The new rules of the Award (Law 78/2025/QH15, Decree 37/2026/NĐ-CP) are issued, and the first award year they apply to is not confirmed; the Department will give guidance on the new forms.</i>
reg-next-nscl =
    <b>Next steps</b> (usually):
    1. { $unit } checks eligibility and priority;
    2. If suitable, the support is included in the yearly plan or a science and technology task;
    3. A consultant is selected; the enterprise commits its share of the costs;
    4. Implementation, acceptance and settlement.
    Support rates are set by each province's People's Council resolution; the officials in charge will contact you with details.
reg-deadline-known = Dossier deadline: <b>{ $date }</b> (plan of { $unit }).
reg-deadline-unknown = The { $year } dossier deadline has not been announced yet. Please watch for announcements or contact { $contact }.
reg-documents-attached = { $count } file(s) attached to the submission.
reg-lookup-howto = Status: type <code>/status { $code }</code>. More documents: send files into this chat at any time. Everything stored about you: /mydata.

unit-contact = { $unit } (phone: { $phone }; email: { $email })
contact-not-updated = not updated yet

size-micro = micro enterprise
size-small = small enterprise
size-medium = medium enterprise
size-large = large enterprise (not an SME)

cert-iso9001 = ISO 9001 (quality management)
cert-iso14001 = ISO 14001 (environment)
cert-iso22000-haccp = ISO 22000 / HACCP
cert-iso45001 = ISO 45001 (occupational health and safety)
cert-iso50001 = ISO 50001 (energy)
cert-vietgap-globalgap = VietGAP / GlobalGAP
cert-ocop = OCOP
cert-other = Other certificate

# Sections of VSIC 2018 (= ISIC Rev. 4 sections), short names.
vsic2018-a = A – Agriculture, forestry and fishing
vsic2018-b = B – Mining and quarrying
vsic2018-c = C – Manufacturing
vsic2018-d = D – Electricity, gas, steam, air conditioning
vsic2018-e = E – Water supply, sewerage, waste
vsic2018-f = F – Construction
vsic2018-g = G – Wholesale, retail, vehicle repair
vsic2018-h = H – Transport and storage
vsic2018-i = I – Accommodation and food services
vsic2018-j = J – Information and communication
vsic2018-k = K – Finance and insurance
vsic2018-l = L – Real estate
vsic2018-m = M – Professional, scientific and technical
vsic2018-n = N – Administrative and support services
vsic2018-o = O – Party, mass organisations, public administration, defence
vsic2018-p = P – Education and training
vsic2018-q = Q – Health and social work
vsic2018-r = R – Arts, entertainment and recreation
vsic2018-s = S – Other service activities
vsic2018-t = T – Households as employers and own-use producers
vsic2018-u = U – International organisations
