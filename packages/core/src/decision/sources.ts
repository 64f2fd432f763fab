/**
 * The literature every decision rule cites, as a catalogue keyed by a stable id. Each entry names the
 * section of `clinical.md` (the study's clinical reference) where the fact is recorded together with
 * its confirmation status there.
 *
 * See: clinical.md §2 (criteria and scores), §3 (signal table per mass type), §5b (demographics), §7
 * (treatment pathways).
 */

/**
 * How well a fact is supported, using clinical.md's legend: `C` confirmed in a retrieved source
 * (abstract, table or full text); `P` partially confirmed (source retrieved but the detail truncated or
 * from a secondary source); `U` not confirmed (background knowledge or an engineering proposal).
 */
export type Evidence = 'C' | 'P' | 'U';

/** A reference in the catalogue. */
export interface Source {
  readonly id: SourceId;
  /** A short citation for people: authors, journal, year, volume, pages. */
  readonly citation: string;
  /** Where the fact can be checked, when one address is known. */
  readonly url?: string;
  /** The section of clinical.md that records what we took from it. */
  readonly section: string;
}

const catalogue = {
  paolisso2024: {
    citation:
      'Paolisso P, Foà A, et al., Pizzi C. CMR mass score. Circ Cardiovasc Imaging 2024;17(3):e016115',
    url: 'https://pubmed.ncbi.nlm.nih.gov/38502734/',
    section: 'clinical.md §2a',
  },
  paolisso2023: {
    citation:
      'Paolisso P, et al. Echocardiographic mass score. J Am Soc Echocardiogr 2023;36(5):464-473.e2, doi:10.1016/j.echo.2022.12.022',
    section: 'clinical.md §2b',
  },
  kassi2018: {
    citation:
      'Kassi M, Polsani V, Schutt RC, Wong S, Nabi F, Reardon MJ, Shah DJ. Differentiating benign from malignant cardiac tumors with CMR. J Thorac Cardiovasc Surg 2018',
    url: 'https://scholars.houstonmethodist.org/en/publications/differentiating-benign-from-malignant-cardiac-tumors-with-cardiac',
    section: 'clinical.md §2c',
  },
  pazosLopez2014: {
    citation:
      'Pazos-López P, et al. Value of CMR for the differential diagnosis of cardiac masses. JACC Cardiovasc Imaging 2014;7:896-905 (Table 3)',
    url: 'http://imaging.onlinejacc.org/highwire/markup/5165/expansion',
    section: 'clinical.md §2c',
  },
  eurRadiol2005: {
    citation: 'Evaluation of cardiac tumors with MRI. Eur Radiol 2005;15:1446-55 (PubMed 15627179)',
    url: 'https://pubmed.ncbi.nlm.nih.gov/15627179/',
    section: 'clinical.md §2c',
  },
  gatti2021: {
    citation: 'Gatti M, et al. World J Cardiol 2021;13(11):628-649, Table 1',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8641001/table/T1',
    section: 'clinical.md §3',
  },
  diagnostics2022: {
    citation: 'Multimodality Imaging of Benign Primary Cardiac Tumor. Diagnostics 2022;12(10):2543, Table 1',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9601182/table/diagnostics-12-02543-t001',
    section: 'clinical.md §3',
  },
  cmrPocketGuide: {
    citation: 'CMR pocket guide: Cardiac masses (SCMR-derived reporting elements)',
    url: 'https://cmrpocketguide.com/Contents/Cardiac_Masses.html',
    section: 'clinical.md §3',
  },
  angiosarcomaImaging: {
    citation:
      'Cardiac angiosarcoma imaging (Johns Hopkins series; Eurorad case 12859), as summarised in clinical.md §3',
    url: 'https://pure.johnshopkins.edu/en/publications/cardiac-angiosarcoma-3',
    section: 'clinical.md §3',
  },
  lymphomaImaging: {
    citation:
      'Cardiac lymphoma imaging (SCMR case of the week 1409; Radiopaedia), as summarised in clinical.md §3',
    url: 'https://scmr.org/page/COW1409',
    section: 'clinical.md §3',
  },
  imtCaseReports: {
    citation:
      'Inflammatory myofibroblastic tumour of the heart: Rev Port Cardiol 2022 (S0870255122005285); PubMed 38570104',
    url: 'https://revportcardiol.org/pt-inflammatory-myofibroblastic-tumor-heart-a-articulo-S0870255122005285',
    section: 'clinical.md §3',
  },
  epidemiology: {
    citation:
      'Primary and secondary cardiac tumours: metastases 20-40x more common than primary tumours (PMC6960432; PMC3983698)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6960432',
    section: 'clinical.md §5a-5b',
  },
  gowda2003: {
    citation: 'Gowda RM, et al. Cardiac papillary fibroelastoma: 725 cases. Am Heart J 2003',
    url: 'https://c.coek.info/pdf-cardiac-papillary-fibroelastoma-a-comprehensive-analysis-of-725-cases-.html',
    section: 'clinical.md §5b, §7',
  },
  shenoy2022: {
    citation:
      'Shenoy C, Grizzard JD, Shah DJ, et al., Kim RJ. CMR in suspected cardiac tumour: a multicentre outcomes study. Eur Heart J 2022;43(1):71-80',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8720142',
    section: 'clinical.md §1, §7',
  },
  levine2022: {
    citation:
      'Levine GN, et al. Management of patients at risk for and with left ventricular thrombus. AHA Scientific Statement, Circulation 2022',
    url: 'https://acc.org/Latest-in-Cardiology/ten-points-to-remember/2022/09/23/13/56/Management-of-Patients-at-Risk',
    section: 'clinical.md §7',
  },
  myxomaOutcomes: {
    citation:
      'Bjessmo S, Ivert T. Ann Thorac Surg 1997;63:697; Wang 2016 (J Cardiothorac Surg, n = 207); Carney complex (Genet Med 2020/21)',
    url: 'https://emedicine.medscape.com/article/277183-followup',
    section: 'clinical.md §5b, §7',
  },
  rhabdomyomaCourse: {
    citation:
      'Rhabdomyoma: regression and tuberous sclerosis (webpathology; scilit), as summarised in clinical.md',
    url: 'https://webpathology.com/images/cardiovascular/heart/cardiac-tumors---benign/45837',
    section: 'clinical.md §5b, §7',
  },
  pericardialCyst: {
    citation: 'Pericardial cyst: StatPearls; Indian Heart J 2017',
    url: 'https://www.statpearls.com/sp/md/328/98807/',
    section: 'clinical.md §5b, §7',
  },
  imtTreatment: {
    citation: 'Inflammatory myofibroblastic tumour treatment, as summarised in clinical.md §7',
    url: 'https://chigaco.vukou.com/26989913',
    section: 'clinical.md §7',
  },
  sarcomaTreatment: {
    citation:
      'Primary cardiac sarcoma: NCDB surgical series, J Clin Med 2023;12:7764; SEER (Zhang C et al., Eur J Med Res 2019); Habertheuer A et al., J Cardiothorac Surg 2015;10:56',
    url: 'https://eurjmedres.biomedcentral.com/articles/10.1186/s40001-019-0389-2',
    section: 'clinical.md §5b, §7',
  },
  lymphomaTreatment: {
    citation: 'Cardiac tumors review (Braz J Cardiovasc Surg): primary cardiac lymphoma treated with R-CHOP',
    url: 'https://bjcvs.org/article/5383/en-US/cardiac-tumors--review',
    section: 'clinical.md §7',
  },
  yanagawa2018: {
    citation: 'Yanagawa B, et al. Algorithm for cardiac tumours. Semin Thorac Cardiovasc Surg 2018',
    url: 'https://www.scribd.com/document/463054890/Algorithm-for-Cardiac-Tumors',
    section: 'clinical.md §7',
  },
  background: {
    citation:
      'Background knowledge not confirmed in the sources retrieved for clinical.md (legend [U]); check before relying on it',
    section: 'clinical.md §8',
  },
  engineering: {
    citation: 'cmr-mass engineering choice (a threshold or weight, not a literature value)',
    section: 'packages/core/src/decision',
  },
} as const satisfies Record<string, Omit<Source, 'id'>>;

/** The id of a catalogued source. */
export type SourceId = keyof typeof catalogue;

/** Every source the decision rules cite, by id. */
export const SOURCES: Readonly<Record<SourceId, Source>> = Object.freeze(
  Object.fromEntries(Object.entries(catalogue).map(([id, s]) => [id, Object.freeze({ id, ...s })])) as Record<
    SourceId,
    Source
  >
);

/** The short citation of a source. */
export function citation(id: SourceId): string {
  return SOURCES[id].citation;
}
