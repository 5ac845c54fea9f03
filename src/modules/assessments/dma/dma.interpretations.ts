/**
 * Interpretation texts per band: one for the overall score and one per dimension, for each
 * instrument, in Italian and English. Ponte's own wording (the EDIH Network's "Interpretation of
 * DMA scores" is not reproduced): what the band usually means and the next sensible step.
 * The concrete items that would raise a score come from listDmaImprovements.
 */
import type { DmaBandId, DmaDimensionId, DmaInstrumentId } from '../assessments.contract'
import type { LocalizedText } from './dma.types'

type ByBand = { readonly [B in DmaBandId]: LocalizedText }

export interface DmaInterpretations {
  readonly overall: ByBand
  readonly dimensions: { readonly [D in DmaDimensionId]: ByBand }
}

const SME: DmaInterpretations = {
  overall: {
    basic: {
      en: 'Digitalisation is at an early stage: digital tools serve isolated tasks, without a plan or the data and skills to build on them. The quickest gains usually come from a short digital plan with priorities and a budget, the basics of data security, and training for the people who will use the tools.',
      it: 'La digitalizzazione è agli inizi: gli strumenti digitali servono a singole attività, senza un piano né i dati e le competenze su cui costruire. I risultati più rapidi vengono di solito da un breve piano digitale con priorità e budget, dalle basi della sicurezza dei dati e dalla formazione di chi userà gli strumenti.',
    },
    average: {
      en: 'The basics are in place in several areas, but digital tools are not yet connected to each other or to a clear strategy. The next step is to link systems and data across the business, measure results, and pick one or two advanced technologies to test on a real problem.',
      it: 'Le basi ci sono in diverse aree, ma gli strumenti digitali non sono ancora collegati tra loro né a una strategia chiara. Il passo successivo è collegare sistemi e dati nei diversi reparti, misurare i risultati e scegliere una o due tecnologie avanzate da sperimentare su un problema reale.',
    },
    moderately_advanced: {
      en: 'Digital technologies support most of the business and follow a strategy. The margin now lies in using data systematically for decisions, scaling up the advanced technologies that passed their tests, and making the gains last through skills and sustainable choices.',
      it: "Le tecnologie digitali supportano gran parte dell'attività e seguono una strategia. Il margine ora sta nell'usare i dati in modo sistematico per decidere, estendere le tecnologie avanzate che hanno superato la sperimentazione e rendere duraturi i risultati con competenze e scelte sostenibili.",
    },
    advanced: {
      en: 'The enterprise is digitally mature: strategy, technologies, data, people and sustainability reinforce each other. Keep the lead by reviewing the plan regularly, following emerging technologies (notably AI) and sharing your experience with partners in the value chain.',
      it: "L'impresa è digitalmente matura: strategia, tecnologie, dati, persone e sostenibilità si rafforzano a vicenda. Per mantenere il vantaggio conviene rivedere il piano con regolarità, seguire le tecnologie emergenti (in particolare l'IA) e condividere l'esperienza con i partner della filiera.",
    },
  },
  dimensions: {
    D1: {
      basic: {
        en: 'Few business areas have seen or planned digital investment, and the enterprise is not yet prepared for it (needs, budget, people, risks). Start by listing where digital tools would help most and set aside a budget for the coming year.',
        it: "Poche aree aziendali hanno ricevuto o hanno in programma investimenti digitali e l'impresa non è ancora preparata a farli (esigenze, budget, persone, rischi). Conviene partire individuando dove gli strumenti digitali aiuterebbero di più e destinando un budget per il prossimo anno.",
      },
      average: {
        en: 'Digital investment has reached some business areas and part of the groundwork is in place. Align the remaining areas with business objectives and secure the resources and management commitment to carry the plan through.',
        it: "Gli investimenti digitali hanno raggiunto alcune aree aziendali e parte delle condizioni di base c'è. Conviene allineare le altre aree agli obiettivi aziendali e assicurare le risorse e l'impegno della direzione necessari a portare avanti il piano.",
      },
      moderately_advanced: {
        en: 'Most business areas have been or will be digitalised, and the enterprise is largely prepared. Monitoring customer satisfaction with online services and weighing the risks of digitalisation will refine the plan.',
        it: "La maggior parte delle aree aziendali è stata o sarà digitalizzata e l'impresa è in buona parte preparata. Monitorare la soddisfazione dei clienti per i servizi online e valutare i rischi della digitalizzazione aiuta a perfezionare il piano.",
      },
      advanced: {
        en: 'Digitalisation covers nearly all business areas and is backed by a prepared organisation. Review the strategy periodically and consider new digital services built on your products (servitisation).',
        it: "La digitalizzazione copre quasi tutte le aree aziendali ed è sostenuta da un'organizzazione preparata. Conviene rivedere periodicamente la strategia e valutare nuovi servizi digitali costruiti sui propri prodotti (servitizzazione).",
      },
    },
    D2: {
      basic: {
        en: 'Only basic digital tools are in use and advanced technologies are absent. Reliable connectivity, a good website and a management system (ERP, CRM, e-invoicing) are the foundations to build first.',
        it: 'Sono in uso solo strumenti digitali di base e mancano le tecnologie avanzate. Connettività affidabile, un buon sito web e un sistema gestionale (ERP, CRM, fatturazione elettronica) sono le fondamenta da costruire per prime.',
      },
      average: {
        en: 'The common digital tools are largely in place, while advanced technologies are at most being considered. Choose one advanced technology that fits your processes (e.g. CAD/CAM, IoT, simulation) and test it on a concrete case.',
        it: 'Gli strumenti digitali più diffusi sono in buona parte presenti, mentre le tecnologie avanzate sono al massimo allo studio. Conviene scegliere una tecnologia avanzata adatta ai propri processi (ad es. CAD/CAM, IoT, simulazione) e sperimentarla su un caso concreto.',
      },
      moderately_advanced: {
        en: 'A broad set of digital tools is in use and some advanced technologies are being tested or implemented. Bring the successful pilots into operation and connect them with your management systems.',
        it: "È in uso un'ampia gamma di strumenti digitali e alcune tecnologie avanzate sono in sperimentazione o in implementazione. Conviene portare a regime le sperimentazioni riuscite e collegarle ai sistemi gestionali.",
      },
      advanced: {
        en: 'Digital tools are used across the board and advanced technologies are operational. Focus on integration, on the return of each technology and on the next generation of tools.',
        it: "Gli strumenti digitali sono usati in modo esteso e le tecnologie avanzate sono operative. Conviene concentrarsi sull'integrazione, sul ritorno di ciascuna tecnologia e sulla prossima generazione di strumenti.",
      },
    },
    D3: {
      basic: {
        en: 'Staff receive little training or involvement in digital change, which is often why new tools fail. Assess skills gaps, plan short trainings (subsidised programmes can cover the cost) and explain to staff why and how their tools will change.',
        it: 'Il personale riceve poca formazione e viene poco coinvolto nel cambiamento digitale, e spesso è per questo che i nuovi strumenti non funzionano. Conviene valutare le lacune di competenze, programmare brevi corsi (i programmi finanziati possono coprirne il costo) e spiegare al personale perché e come cambieranno i suoi strumenti.',
      },
      average: {
        en: 'Some training and involvement exist but are not systematic. A training plan tied to the digital plan, and involving staff in the design of new processes, will speed up adoption.',
        it: "Formazione e coinvolgimento ci sono, ma non in modo sistematico. Un piano di formazione legato al piano digitale e il coinvolgimento del personale nella progettazione dei nuovi processi accelerano l'adozione.",
      },
      moderately_advanced: {
        en: 'Staff are trained and involved in most digital changes. Monitor acceptance and the effects on workload, and give teams more autonomy and support to make the most of the tools.',
        it: "Il personale è formato e coinvolto nella maggior parte dei cambiamenti digitali. Conviene monitorare l'accettazione e gli effetti sui carichi di lavoro e dare ai gruppi più autonomia e supporto per sfruttare al meglio gli strumenti.",
      },
      advanced: {
        en: "Skills development and staff engagement are part of how the enterprise works. Keep them up with regular skills assessments and by letting staff's feedback shape jobs and workflows.",
        it: "Lo sviluppo delle competenze e il coinvolgimento del personale fanno parte del modo di lavorare dell'impresa. Conviene mantenerli con valutazioni periodiche delle competenze e lasciando che le indicazioni del personale orientino mansioni e flussi di lavoro.",
      },
    },
    D4: {
      basic: {
        en: 'Data are scattered or not digital, and protection against cyber-attacks is weak. A full off-site backup, a basic security policy and storing key data digitally in one place are urgent and inexpensive first steps.',
        it: "I dati sono dispersi o non digitali e la protezione dagli attacchi informatici è debole. Un backup completo fuori sede, una politica di sicurezza di base e l'archiviazione digitale in un unico luogo dei dati principali sono primi passi urgenti e poco costosi.",
      },
      average: {
        en: 'Data are stored digitally and partly protected, but rarely integrated or analysed. Connect your systems, train staff on cybersecurity and start using data in regular reports.',
        it: 'I dati sono archiviati in forma digitale e in parte protetti, ma raramente integrati o analizzati. Conviene collegare i sistemi, formare il personale sulla sicurezza informatica e iniziare a usare i dati in report periodici.',
      },
      moderately_advanced: {
        en: 'Data are integrated, accessible and mostly secured. Enrich analyses with external sources, give staff self-service dashboards and add a business continuity plan.',
        it: 'I dati sono integrati, accessibili e in gran parte protetti. Conviene arricchire le analisi con fonti esterne, dare al personale dashboard consultabili in autonomia e aggiungere un piano di continuità operativa.',
      },
      advanced: {
        en: 'Data are managed as an asset: integrated, analysed for decisions and well protected. Keep security under regular review as threats evolve.',
        it: 'I dati sono gestiti come una risorsa: integrati, analizzati per decidere e ben protetti. Conviene riesaminare regolarmente la sicurezza, perché le minacce cambiano.',
      },
    },
    D5: {
      basic: {
        en: 'Automation and artificial intelligence are not yet used. Look for repetitive tasks (documents, customer requests, quality checks) where a ready-made AI or automation tool could be tried at low cost.',
        it: 'Automazione e intelligenza artificiale non sono ancora usate. Conviene cercare le attività ripetitive (documenti, richieste dei clienti, controlli di qualità) in cui provare a basso costo uno strumento di IA o di automazione già disponibile.',
      },
      average: {
        en: 'Some automation or AI applications are being considered or prototyped. Pick the most promising one, decide how you will measure its benefit, and test it on real data.',
        it: 'Alcune applicazioni di automazione o di IA sono allo studio o in prototipazione. Conviene scegliere la più promettente, decidere come misurarne il beneficio e sperimentarla su dati reali.',
      },
      moderately_advanced: {
        en: 'Several automation and AI applications are being tested or implemented. Bring them into daily operation and make sure data quality and staff skills keep up.',
        it: "Diverse applicazioni di automazione e IA sono in sperimentazione o in implementazione. Conviene portarle nell'operatività quotidiana, curando la qualità dei dati e le competenze del personale.",
      },
      advanced: {
        en: 'Automation and AI are operational in several areas. Monitor their results, their risks and the obligations of the EU AI Act, and extend them where they pay off.',
        it: "Automazione e IA sono operative in diverse aree. Conviene monitorarne risultati e rischi, rispettare gli obblighi del regolamento europeo sull'IA (AI Act) ed estenderle dove rendono.",
      },
    },
    D6: {
      basic: {
        en: 'Digital technologies are hardly used for environmental goals, and environmental impact plays little part in digital choices. Paperless processes and monitoring energy and material consumption are simple starting points that also cut costs.',
        it: "Le tecnologie digitali sono poco usate per obiettivi ambientali e l'impatto ambientale conta poco nelle scelte digitali. Processi senza carta e il monitoraggio dei consumi di energia e materiali sono punti di partenza semplici che riducono anche i costi.",
      },
      average: {
        en: 'Some digital solutions already serve sustainability. Include environmental criteria when buying technology and track the energy use of your digital equipment.',
        it: 'Alcune soluzioni digitali contribuiscono già alla sostenibilità. Conviene includere criteri ambientali negli acquisti di tecnologia e tenere sotto controllo i consumi energetici delle apparecchiature digitali.',
      },
      moderately_advanced: {
        en: 'Digital technologies support sustainability in many areas and environmental aspects guide most digital choices. An environmental management system or certification would consolidate and document the results.',
        it: 'Le tecnologie digitali sostengono la sostenibilità in molte aree e gli aspetti ambientali orientano la maggior parte delle scelte digitali. Un sistema di gestione o una certificazione ambientale consoliderebbe e documenterebbe i risultati.',
      },
      advanced: {
        en: 'Sustainability and digitalisation go hand in hand, from the business model to equipment recycling. Share the results with customers and partners: it is increasingly a competitive advantage.',
        it: 'Sostenibilità e digitalizzazione procedono insieme, dal modello di business al riciclo delle apparecchiature. Conviene comunicarne i risultati a clienti e partner: è sempre più un vantaggio competitivo.',
      },
    },
  },
}

const PSO: DmaInterpretations = {
  overall: {
    basic: {
      en: 'Digitalisation is at an early stage: services and internal processes rely mostly on paper and isolated tools. A digital plan with priorities, multi-year funding and political commitment, plus basic data security and staff training, are the first steps.',
      it: 'La digitalizzazione è agli inizi: servizi e processi interni si basano soprattutto su carta e strumenti isolati. Un piano digitale con priorità, finanziamento pluriennale e impegno politico, insieme alle basi della sicurezza dei dati e alla formazione del personale, sono i primi passi.',
    },
    average: {
      en: "The basics are in place in several areas, but services, systems and data are not yet connected. Bring more services online, connect systems and data across offices, and measure citizens' satisfaction.",
      it: 'Le basi ci sono in diverse aree, ma servizi, sistemi e dati non sono ancora collegati. Conviene portare online più servizi, collegare sistemi e dati tra gli uffici e misurare la soddisfazione dei cittadini.',
    },
    moderately_advanced: {
      en: 'Digital technologies support most services and processes within a clear strategy. The margin lies in interoperability with other administrations, data-driven decisions and open data.',
      it: "Le tecnologie digitali sostengono la maggior parte di servizi e processi, dentro una strategia chiara. Il margine sta nell'interoperabilità con le altre amministrazioni, nelle decisioni basate sui dati e nei dati aperti.",
    },
    advanced: {
      en: 'The organisation is digitally mature: strategy, services, data, people and sustainability reinforce each other. Keep the lead by reviewing the plan, following emerging technologies and sharing solutions with other public bodies.',
      it: "L'organizzazione è digitalmente matura: strategia, servizi, dati, persone e sostenibilità si rafforzano a vicenda. Per mantenere il vantaggio conviene rivedere il piano, seguire le tecnologie emergenti e condividere le soluzioni con altri enti pubblici.",
    },
  },
  dimensions: {
    D1: {
      basic: {
        en: 'Few operational areas have seen or planned digital investment, and the organisation is not yet prepared (objectives, funding, commitment, skills). Start with a digital plan tied to administrative objectives and multi-year funding.',
        it: "Poche aree operative hanno ricevuto o hanno in programma investimenti digitali e l'organizzazione non è ancora preparata (obiettivi, finanziamenti, impegno, competenze). Conviene partire da un piano digitale legato agli obiettivi amministrativi e a un finanziamento pluriennale.",
      },
      average: {
        en: 'Digital investment has reached some areas and part of the groundwork is in place. Extend the plan to the remaining areas and secure the political commitment and ICT skills to carry it through.',
        it: "Gli investimenti digitali hanno raggiunto alcune aree e parte delle condizioni di base c'è. Conviene estendere il piano alle altre aree e assicurare l'impegno politico e le competenze ICT per portarlo avanti.",
      },
      moderately_advanced: {
        en: 'Most operational areas have been or will be digitalised, and the organisation is largely prepared. Monitoring the satisfaction of citizens and businesses with online services and weighing the risks will refine the plan.',
        it: "La maggior parte delle aree operative è stata o sarà digitalizzata e l'organizzazione è in buona parte preparata. Monitorare la soddisfazione di cittadini e imprese per i servizi online e valutarne i rischi aiuta a perfezionare il piano.",
      },
      advanced: {
        en: 'Digitalisation covers nearly all operational areas and is backed by a prepared organisation. Review the strategy periodically and extend digital tools to policy making and evaluation.',
        it: "La digitalizzazione copre quasi tutte le aree operative ed è sostenuta da un'organizzazione preparata. Conviene rivedere periodicamente la strategia ed estendere gli strumenti digitali alla definizione e alla valutazione delle politiche.",
      },
    },
    D2: {
      basic: {
        en: 'Only basic digital tools are in use and advanced technologies are absent. Reliable connectivity, online forms for citizens, e-procurement and a management system are the foundations to build first.',
        it: 'Sono in uso solo strumenti digitali di base e mancano le tecnologie avanzate. Connettività affidabile, moduli online per i cittadini, eProcurement e un sistema gestionale sono le fondamenta da costruire per prime.',
      },
      average: {
        en: 'The common digital tools are largely in place, while advanced technologies are at most being considered. Choose one advanced technology that serves your services (e.g. cloud, digital identity, APIs) and test it.',
        it: 'Gli strumenti digitali più diffusi sono in buona parte presenti, mentre le tecnologie avanzate sono al massimo allo studio. Conviene scegliere una tecnologia avanzata utile ai propri servizi (ad es. cloud, identità digitale, API) e sperimentarla.',
      },
      moderately_advanced: {
        en: 'A broad set of digital tools is in use and some advanced technologies are being tested or implemented. Bring the successful pilots into operation and connect them with existing systems.',
        it: "È in uso un'ampia gamma di strumenti digitali e alcune tecnologie avanzate sono in sperimentazione o in implementazione. Conviene portare a regime le sperimentazioni riuscite e collegarle ai sistemi esistenti.",
      },
      advanced: {
        en: 'Digital tools are used across the board and advanced technologies are operational. Focus on integration, on the benefit for citizens and on the next generation of tools.',
        it: "Gli strumenti digitali sono usati in modo esteso e le tecnologie avanzate sono operative. Conviene concentrarsi sull'integrazione, sul beneficio per i cittadini e sulla prossima generazione di strumenti.",
      },
    },
    D3: {
      basic: {
        en: 'Staff receive little training or involvement in digital change, and end-users get little support. Assess digital skills gaps, plan short trainings and explain the changes to staff and users.',
        it: 'Il personale riceve poca formazione e poco coinvolgimento nel cambiamento digitale, e gli utenti finali poco supporto. Conviene valutare le lacune di competenze digitali, programmare brevi corsi e spiegare i cambiamenti a personale e utenti.',
      },
      average: {
        en: 'Some training and involvement exist but are not systematic. A training plan tied to the digital plan, and feedback from staff and end-users, will speed up adoption.',
        it: "Formazione e coinvolgimento ci sono, ma non in modo sistematico. Un piano di formazione legato al piano digitale e le indicazioni di personale e utenti finali accelerano l'adozione.",
      },
      moderately_advanced: {
        en: 'Staff are trained and involved in most digital changes. Offer a support service to end-users and use their feedback to improve digital public services.',
        it: 'Il personale è formato e coinvolto nella maggior parte dei cambiamenti digitali. Conviene offrire un servizio di supporto agli utenti finali e usare le loro indicazioni per migliorare i servizi pubblici digitali.',
      },
      advanced: {
        en: 'Skills development and the engagement of staff and end-users are part of how the organisation works. Keep them up with regular skills assessments and by listening to feedback.',
        it: "Lo sviluppo delle competenze e il coinvolgimento di personale e utenti finali fanno parte del modo di lavorare dell'organizzazione. Conviene mantenerli con valutazioni periodiche delle competenze e un ascolto costante.",
      },
    },
    D4: {
      basic: {
        en: 'Data are largely on paper or scattered, and protection against cyber-attacks is weak. A full off-site backup, a data security policy and digital collection of key data are urgent first steps.',
        it: 'I dati sono in gran parte su carta o dispersi e la protezione dagli attacchi informatici è debole. Un backup completo fuori sede, una politica di sicurezza dei dati e la raccolta digitale dei dati principali sono primi passi urgenti.',
      },
      average: {
        en: 'Data are digital and partly protected, but rarely integrated or analysed. Connect systems, train staff on cybersecurity and use data in regular reports.',
        it: 'I dati sono digitali e in parte protetti, ma raramente integrati o analizzati. Conviene collegare i sistemi, formare il personale sulla sicurezza informatica e usare i dati in report periodici.',
      },
      moderately_advanced: {
        en: 'Data are integrated, accessible and mostly secured. Enrich them with data from other bodies, open them where possible and add a business continuity plan.',
        it: 'I dati sono integrati, accessibili e in gran parte protetti. Conviene arricchirli con dati di altri enti, aprirli dove possibile e aggiungere un piano di continuità operativa.',
      },
      advanced: {
        en: 'Data are managed as a public asset: integrated, analysed, published as open data and well protected. Keep security under regular review as threats evolve.',
        it: 'I dati sono gestiti come un bene pubblico: integrati, analizzati, pubblicati come dati aperti e ben protetti. Conviene riesaminare regolarmente la sicurezza, perché le minacce cambiano.',
      },
    },
    D5: {
      basic: {
        en: 'Data and services are rarely shared with other public bodies, so citizens and businesses often provide the same information twice. Start from the once-only principle, open formats and a single point of contact.',
        it: 'Dati e servizi sono condivisi raramente con altri enti pubblici, per cui cittadini e imprese forniscono spesso due volte le stesse informazioni. Conviene partire dal principio «una sola volta» (once only), dai formati aperti e da un punto di contatto unico.',
      },
      average: {
        en: 'Some interoperability principles are applied or planned. Give preference to open specifications, reuse solutions of other administrations and make services accessible to all users.',
        it: 'Alcuni principi di interoperabilità sono applicati o previsti. Conviene preferire le specifiche aperte, riutilizzare le soluzioni di altre amministrazioni e rendere i servizi accessibili a tutti gli utenti.',
      },
      moderately_advanced: {
        en: 'Most interoperability principles are applied or planned. Implement the planned ones, publish open data and evaluate solutions against user needs and costs.',
        it: 'La maggior parte dei principi di interoperabilità è applicata o prevista. Conviene realizzare quelli previsti, pubblicare dati aperti e valutare le soluzioni rispetto alle esigenze degli utenti e ai costi.',
      },
      advanced: {
        en: 'Interoperability is part of how services are designed. Share your solutions with other public bodies and keep the long-term accessibility of data under review.',
        it: "L'interoperabilità fa parte del modo in cui i servizi sono progettati. Conviene condividere le proprie soluzioni con altri enti pubblici e verificare nel tempo l'accessibilità a lungo termine dei dati.",
      },
    },
    D6: {
      basic: {
        en: 'Digital technologies are hardly used for environmental goals, and environmental impact plays little part in digital choices. Paperless processes and monitoring energy consumption are simple starting points that also cut costs.',
        it: "Le tecnologie digitali sono poco usate per obiettivi ambientali e l'impatto ambientale conta poco nelle scelte digitali. Processi senza carta e il monitoraggio dei consumi energetici sono punti di partenza semplici che riducono anche i costi.",
      },
      average: {
        en: 'Some digital solutions already serve sustainability. Include environmental criteria in technology procurement (green public procurement) and track the energy use of your digital equipment.',
        it: 'Alcune soluzioni digitali contribuiscono già alla sostenibilità. Conviene includere criteri ambientali negli acquisti di tecnologia (acquisti pubblici verdi) e tenere sotto controllo i consumi energetici delle apparecchiature digitali.',
      },
      moderately_advanced: {
        en: 'Digital technologies support sustainability in many areas and environmental aspects guide most digital choices. An environmental management system would consolidate and document the results.',
        it: 'Le tecnologie digitali sostengono la sostenibilità in molte aree e gli aspetti ambientali orientano la maggior parte delle scelte digitali. Un sistema di gestione ambientale consoliderebbe e documenterebbe i risultati.',
      },
      advanced: {
        en: 'Sustainability and digitalisation go hand in hand, from service design to equipment recycling. Share the results with citizens and other public bodies.',
        it: 'Sostenibilità e digitalizzazione procedono insieme, dalla progettazione dei servizi al riciclo delle apparecchiature. Conviene condividerne i risultati con i cittadini e con gli altri enti pubblici.',
      },
    },
  },
}

export const DMA_INTERPRETATIONS: { readonly [I in DmaInstrumentId]: DmaInterpretations } = { 'eu-dma-sme': SME, 'eu-dma-pso': PSO }

/** The interpretation of a band, for the overall score or one dimension. */
export function getDmaInterpretation(instrument: DmaInstrumentId, target: DmaDimensionId | 'overall', band: DmaBandId): LocalizedText {
  const texts = DMA_INTERPRETATIONS[instrument]
  return target === 'overall' ? texts.overall[band] : texts.dimensions[target][band]
}
