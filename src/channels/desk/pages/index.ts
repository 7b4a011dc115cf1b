import type { DeskPage } from "../request.js";
import { announcementActions, announcementJob, announcementsPage } from "./announcements.js";
import { contentProfilePage, contentProfileSave } from "./content-profile.js";
import { kbAdd, kbEntryPage, kbEntrySave, kbListPage, kbNewPage } from "./content-kb.js";
import { dossierActions } from "./dossier-actions.js";
import { dossierPage } from "./dossier.js";
import { dossiersPage } from "./dossiers.js";
import { exportCsv, exportXlsx } from "./exports.js";
import { figuresChart, figuresPage } from "./figures.js";
import { rolesActions, rolesPage } from "./roles.js";

/**
 * Every page of the officials' web desk, in navigation order (pages with `nav` are listed in the
 * header for the roles allowed them). Add a page: one file here under pages/, one line below, its
 * texts in locales/{vi,en}/desk.ftl (or a file of its own).
 */
export const deskPages: readonly DeskPage[] = [dossiersPage, dossierPage, dossierActions, figuresPage, figuresChart, exportXlsx, exportCsv, announcementsPage, announcementJob, announcementActions, contentProfilePage, contentProfileSave, kbListPage, kbNewPage, kbAdd, kbEntryPage, kbEntrySave, rolesPage, rolesActions];
