/**
 * EU/JRC Digital Maturity Assessment, questionnaire for SMEs (Module 2), version `2024`.
 * English: the public EDIH Network questionnaire as transcribed in Ponte's reference (dma.md),
 * verbatim. Italian: Ponte's own, unofficial translation (flagged in `italian`). Option and row
 * order is the answer format's numbering: never reorder; a new wording is a new version.
 */
import type { DmaInstrument } from './dma.types'
import { INVEST_COLUMNS, UNOFFICIAL_ITALIAN_NOTICE } from './dma.labels'

export const EU_DMA_SME_2024 = {
  id: 'eu-dma-sme',
  version: '2024',
  title: {
    en: 'Digital Maturity Assessment for SMEs',
    it: 'Valutazione della maturità digitale per le PMI',
  },
  source: "EDIH Network, DMA Questionnaire for SMEs (public), as transcribed in Ponte's reference",
  italian: { official: false, notice: UNOFFICIAL_ITALIAN_NOTICE },
  dimensions: [
    { id: 'D1', name: { en: 'Digital Business Strategy', it: "Strategia digitale d'impresa" }, exportLabel: 'Digital Business Strategy' },
    { id: 'D2', name: { en: 'Digital Readiness', it: 'Prontezza digitale' }, exportLabel: 'Digital Readiness' },
    { id: 'D3', name: { en: 'Human-centric digitalisation', it: 'Digitalizzazione incentrata sulle persone' }, exportLabel: 'Human-Centric Digitalisation' },
    { id: 'D4', name: { en: 'Data Management and Connectedness', it: 'Gestione e connessione dei dati' }, exportLabel: 'Data Governance' },
    { id: 'D5', name: { en: 'Automation and Artificial Intelligence', it: 'Automazione e intelligenza artificiale' }, exportLabel: 'Automation & Artificial Intelligence' },
    { id: 'D6', name: { en: 'Green digitalisation', it: 'Digitalizzazione verde' }, exportLabel: 'Green Digitalisation' },
  ],
  questions: [
    {
      id: 'Q1',
      dimension: 'D1',
      type: 'dual',
      text: {
        en: 'In which of the following business areas has your enterprise already invested in digitalisation and in which ones does it plan to (further) invest in the future? Please select all options that apply',
        it: 'In quali delle seguenti aree aziendali la sua impresa ha già investito nella digitalizzazione e in quali prevede di investire (ulteriormente) in futuro? Selezioni tutte le opzioni pertinenti',
      },
      columns: INVEST_COLUMNS,
      options: [
        {
          en: 'Product/Service design (incl. research, development and innovation)',
          it: 'Progettazione di prodotti/servizi (incl. ricerca, sviluppo e innovazione)',
        },
        {
          en: 'Project planning and management',
          it: 'Pianificazione e gestione dei progetti',
        },
        {
          en: 'Operations (production of physical goods/manufacturing, packaging, maintenance, services, etc.)',
          it: 'Operazioni (produzione di beni fisici/manifattura, confezionamento, manutenzione, servizi, ecc.)',
        },
        {
          en: 'Collaboration with other internal site locations or other companies in the value chain',
          it: 'Collaborazione con altre sedi interne o con altre imprese della catena del valore',
        },
        {
          en: 'Inbound logistics and warehousing',
          it: 'Logistica in entrata e magazzino',
        },
        {
          en: 'Marketing, sales & customer services (customer management, order processing, helpdesk, etc.)',
          it: 'Marketing, vendite e assistenza clienti (gestione clienti, elaborazione degli ordini, helpdesk, ecc.)',
        },
        {
          en: 'Delivery (outbound logistics, eInvoices, etc.)',
          it: 'Consegna (logistica in uscita, fatture elettroniche, ecc.)',
        },
        {
          en: 'Administration and human resources',
          it: 'Amministrazione e risorse umane',
        },
        {
          en: 'Purchasing and procurement',
          it: 'Acquisti e approvvigionamenti',
        },
        {
          en: '(Cyber)security and compliance with Personal Data regulations/GDPR',
          it: 'Sicurezza (informatica) e conformità alla normativa sui dati personali/GDPR',
        },
      ],
    },
    {
      id: 'Q2',
      dimension: 'D1',
      type: 'checkbox',
      text: {
        en: 'In which of the following ways is your enterprise prepared for (more) digitalisation? Please select all options that apply',
        it: 'In quali dei seguenti modi la sua impresa è preparata a una (maggiore) digitalizzazione? Selezioni tutte le opzioni pertinenti',
      },
      options: [
        {
          en: 'Digitalisation needs are identified and are aligned with business objectives',
          it: 'Le esigenze di digitalizzazione sono individuate e allineate agli obiettivi aziendali',
        },
        {
          en: 'Financial resources (own, loans, subsidies) are identified to secure digitalisation during at least one year',
          it: 'Sono individuate le risorse finanziarie (proprie, prestiti, contributi) per sostenere la digitalizzazione per almeno un anno',
        },
        {
          en: 'IT infrastructures are ready to support digitalisation plans',
          it: 'Le infrastrutture informatiche sono pronte a sostenere i piani di digitalizzazione',
        },
        {
          en: 'ICT specialists are employed/sub-contracted (or hiring/subcontracting needs have been identified)',
          it: 'Specialisti ICT sono assunti o incaricati esternamente (oppure ne è stato individuato il fabbisogno di assunzione o di affidamento esterno)',
        },
        {
          en: "Enterprise's management is ready to lead the necessary organisational changes",
          it: "La direzione dell'impresa è pronta a guidare i necessari cambiamenti organizzativi",
        },
        {
          en: 'Concerned business departments and their staff are ready to support digitalisation plans',
          it: 'I reparti aziendali interessati e il loro personale sono pronti a sostenere i piani di digitalizzazione',
        },
        {
          en: 'Business architecture and operational processes can be adapted if required by digitalisation',
          it: "L'architettura aziendale e i processi operativi possono essere adattati se la digitalizzazione lo richiede",
        },
        {
          en: 'Manufactured products are already commercialised as a service (so-called Servitisation) or supplemented by services enabled by digital technologies',
          it: 'I prodotti realizzati sono già commercializzati come servizio (la cosiddetta servitizzazione) o integrati da servizi resi possibili dalle tecnologie digitali',
        },
        {
          en: "Clients' and partners' satisfaction with online services/interactions is monitored regularly (on social media channels, e-commerce operations, emails exchanges, etc.)",
          it: 'La soddisfazione di clienti e partner per i servizi e le interazioni online è monitorata regolarmente (sui canali social, nelle operazioni di e-commerce, negli scambi di email, ecc.)',
        },
        {
          en: 'Risks of digitalisation (e.g. non-planned effects over other business areas) are considered',
          it: 'Sono presi in considerazione i rischi della digitalizzazione (ad es. effetti non previsti su altre aree aziendali)',
        },
      ],
    },
    {
      id: 'Q3',
      dimension: 'D2',
      type: 'checkbox',
      text: {
        en: 'Which of the following digital technologies and solutions are already used by your enterprise? Please select all options that apply',
        it: 'Quali delle seguenti tecnologie e soluzioni digitali sono già utilizzate dalla sua impresa? Selezioni tutte le opzioni pertinenti',
      },
      options: [
        {
          en: 'Connectivity infrastructure (high speed (fibre) internet, cloud computing services, remote access to office systems)',
          it: "Infrastruttura di connettività (internet ad alta velocità (fibra), servizi di cloud computing, accesso remoto ai sistemi d'ufficio)",
        },
        {
          en: "Enterprise's website",
          it: "Sito web dell'impresa",
        },
        {
          en: 'Web-based forms and blogs/forums to communicate with clients',
          it: 'Moduli web e blog/forum per comunicare con i clienti',
        },
        {
          en: 'Live chats, social networks and chatbots to communicate with clients',
          it: 'Chat dal vivo, social network e chatbot per comunicare con i clienti',
        },
        {
          en: 'E-Commerce sales (Business-to-Consumer, Business-to-Business)',
          it: 'Vendite e-commerce (Business-to-Consumer, Business-to-Business)',
        },
        {
          en: 'E-Marketing promotion (online ads, social media for business, etc.)',
          it: 'Promozione tramite e-marketing (annunci online, social media aziendali, ecc.)',
        },
        {
          en: 'E-Government (online interaction with public authorities, including public procurement)',
          it: 'E-government (interazione online con le pubbliche amministrazioni, inclusi gli appalti pubblici)',
        },
        {
          en: 'Remote business collaboration tools (e.g. teleworking platform, videoconferencing, virtual learning, business-specific)',
          it: "Strumenti di collaborazione a distanza (ad es. piattaforme di telelavoro, videoconferenze, formazione virtuale, strumenti specifici per l'attività)",
        },
        {
          en: 'Internal web portal (Intranet)',
          it: 'Portale web interno (Intranet)',
        },
        {
          en: 'Information Management Systems (Enterprise Resources Planning, Product Lifecycle Management, Customer Relationship Management, Supply Chain Management, e-invoicing)',
          it: 'Sistemi di gestione delle informazioni (gestionale ERP, gestione del ciclo di vita del prodotto PLM, gestione delle relazioni con i clienti CRM, gestione della catena di fornitura SCM, fatturazione elettronica)',
        },
      ],
    },
    {
      id: 'Q4',
      dimension: 'D2',
      type: 'scale05',
      text: {
        en: 'Which of the following advanced digital technologies are already used by your organisation? Please choose all options that apply using the provided scale',
        it: 'Quali delle seguenti tecnologie digitali avanzate sono già utilizzate dalla sua organizzazione? Indichi tutte le opzioni pertinenti usando la scala fornita',
      },
      options: [
        {
          en: 'Simulation & digital twins (i.e. real-time digital representations of physical objects/processes)',
          it: 'Simulazione e gemelli digitali (cioè rappresentazioni digitali in tempo reale di oggetti/processi fisici)',
        },
        {
          en: 'Virtual reality, augmented reality',
          it: 'Realtà virtuale, realtà aumentata',
        },
        {
          en: 'Computer-aided design (CAD) & manufacturing (CAM)',
          it: 'Progettazione (CAD) e produzione (CAM) assistite da computer',
        },
        {
          en: 'Manufacturing execution systems',
          it: 'Sistemi di gestione della produzione (MES)',
        },
        {
          en: 'Internet of Things (IoT) and Industrial Internet of Things (I-IoT)',
          it: 'Internet delle cose (IoT) e Internet industriale delle cose (IIoT)',
        },
        {
          en: 'Blockchain technology',
          it: 'Tecnologia blockchain',
        },
        {
          en: 'Additive manufacturing (e.g. 3D printers)',
          it: 'Manifattura additiva (ad es. stampanti 3D)',
        },
      ],
    },
    {
      id: 'Q5',
      dimension: 'D3',
      type: 'checkbox',
      text: {
        en: 'What does your enterprise do to re-skill and up-skill its staff for digitalisation? Please select all options that apply',
        it: 'Che cosa fa la sua impresa per riqualificare e aggiornare le competenze del personale in vista della digitalizzazione? Selezioni tutte le opzioni pertinenti',
      },
      options: [
        {
          en: 'Performs staff skill assessment to identify the skills gaps',
          it: 'Valuta le competenze del personale per individuare le lacune',
        },
        {
          en: 'Designs a training plan to train and up-skill staff',
          it: 'Definisce un piano di formazione per formare e aggiornare il personale',
        },
        {
          en: 'Organises short trainings, provides tutorials/guidelines and other e-learning resources',
          it: 'Organizza brevi corsi di formazione, fornisce tutorial/linee guida e altre risorse di e-learning',
        },
        {
          en: 'Facilitates learning-by-doing/peer learning/experimentation opportunities',
          it: 'Favorisce occasioni di apprendimento sul campo, tra pari e di sperimentazione',
        },
        {
          en: 'Offers traineeships & job placements in key capacity areas',
          it: 'Offre tirocini e inserimenti lavorativi in aree di competenza chiave',
        },
        {
          en: 'Sponsors staff participation in trainings organised by external organisations (training providers, academia, vendors)',
          it: 'Sostiene la partecipazione del personale a corsi organizzati da soggetti esterni (enti di formazione, università, fornitori)',
        },
        {
          en: 'Makes use of subsidised training and upskilling programmes',
          it: 'Si avvale di programmi di formazione e aggiornamento finanziati con contributi pubblici',
        },
      ],
    },
    {
      id: 'Q6',
      dimension: 'D3',
      type: 'checkbox',
      text: {
        en: 'When adopting new digital solutions, how does your enterprise engage and empower its staff? Please select all options that apply',
        it: 'Quando adotta nuove soluzioni digitali, in che modo la sua impresa coinvolge e responsabilizza il personale? Selezioni tutte le opzioni pertinenti',
      },
      options: [
        {
          en: 'Facilitates staff awareness about new digital technologies',
          it: 'Favorisce la conoscenza delle nuove tecnologie digitali da parte del personale',
        },
        {
          en: 'Communicates digitalisation plans to staff in a transparent and inclusive way',
          it: 'Comunica al personale i piani di digitalizzazione in modo trasparente e inclusivo',
        },
        {
          en: "Monitors staff acceptance and takes measures to mitigate the potential collateral effects (e.g. fear to change; 'always on' culture vs. work-life balance; safeguards to risks of privacy breaches etc.)",
          it: "Monitora l'accettazione da parte del personale e adotta misure per attenuare i possibili effetti collaterali (ad es. paura del cambiamento; cultura del \"sempre connessi\" rispetto all'equilibrio tra vita privata e lavoro; tutele contro i rischi di violazione della privacy, ecc.)",
        },
        {
          en: 'Involves staff (including non-ICT staff) in the design and development of product/service/process digitalisation',
          it: 'Coinvolge il personale (anche non ICT) nella progettazione e nello sviluppo della digitalizzazione di prodotti/servizi/processi',
        },
        {
          en: 'Gives staff more autonomy and appropriate digital tools to take and execute decisions',
          it: 'Dà al personale più autonomia e strumenti digitali adeguati per prendere e attuare decisioni',
        },
        {
          en: "Redesigns/Adapts jobs and workflows based on staff's feedback",
          it: 'Riprogetta/adatta mansioni e flussi di lavoro in base alle indicazioni del personale',
        },
        {
          en: 'Sets up more flexible working arrangements enabled by digitalisation (e.g. telework, hybrid working)',
          it: 'Introduce modalità di lavoro più flessibili rese possibili dalla digitalizzazione (ad es. telelavoro, lavoro ibrido)',
        },
        {
          en: 'Puts at staffs disposal a digital support team/service (internal/external)',
          it: 'Mette a disposizione del personale un team/servizio di supporto digitale (interno/esterno)',
        },
      ],
    },
    {
      id: 'Q7',
      dimension: 'D4',
      type: 'checkbox',
      text: {
        en: 'How is your enterprise data managed (i.e. stored, organised, accessed and exploited)? Please select all options that apply',
        it: 'Come sono gestiti (cioè archiviati, organizzati, consultati e sfruttati) i dati della sua impresa? Selezioni tutte le opzioni pertinenti',
      },
      exclusiveOptions: [2],
      options: [
        {
          en: 'The organisation has in place a data management policy/plan/set of measures',
          it: "L'organizzazione dispone di una politica/un piano/un insieme di misure per la gestione dei dati",
        },
        {
          en: 'Data is not collected digitally',
          it: 'I dati non sono raccolti in forma digitale',
        },
        {
          en: 'Relevant data is stored digitally (e.g., office applications, email folders, stand-alone applications, CRM or ERP system, etc.)',
          it: "I dati rilevanti sono archiviati in forma digitale (ad es. applicazioni d'ufficio, cartelle di posta elettronica, applicazioni autonome, sistemi CRM o ERP, ecc.)",
        },
        {
          en: 'Data is properly integrated (e.g. through interoperable systems, application programming interfaces) even when it is distributed amongst different systems',
          it: 'I dati sono opportunamente integrati (ad es. tramite sistemi interoperabili, interfacce di programmazione delle applicazioni) anche quando sono distribuiti tra sistemi diversi',
        },
        {
          en: 'Data is accessible in real-time from different devices and locations',
          it: 'I dati sono accessibili in tempo reale da dispositivi e luoghi diversi',
        },
        {
          en: 'Collected data is systematically analysed and reported for decision-making',
          it: 'I dati raccolti sono analizzati sistematicamente e presentati in report a supporto delle decisioni',
        },
        {
          en: 'Data analytics are enriched by combining external sources with own data',
          it: 'Le analisi dei dati sono arricchite combinando fonti esterne con i dati propri',
        },
        {
          en: 'Data analytics are accessible without need of expert assistance (e.g. through dashboards)',
          it: "Le analisi dei dati sono consultabili senza bisogno dell'assistenza di esperti (ad es. tramite dashboard)",
        },
      ],
    },
    {
      id: 'Q8',
      dimension: 'D4',
      type: 'checkbox',
      text: {
        en: "Is your enterprise's data sufficiently secured? Please select all options that apply",
        it: 'I dati della sua impresa sono sufficientemente protetti? Selezioni tutte le opzioni pertinenti',
      },
      options: [
        {
          en: 'An enterprise data security policy/set of measures is in place',
          it: 'È in vigore una politica/un insieme di misure aziendali per la sicurezza dei dati',
        },
        {
          en: 'All client-related data is protected from cyberattacks',
          it: 'Tutti i dati relativi ai clienti sono protetti dagli attacchi informatici',
        },
        {
          en: 'Staff is regularly informed and trained on cybersecurity and data protection issues/risks',
          it: 'Il personale è regolarmente informato e formato sui temi e sui rischi della sicurezza informatica e della protezione dei dati',
        },
        {
          en: 'Cyber-threats are regularly monitored and assessed',
          it: 'Le minacce informatiche sono monitorate e valutate regolarmente',
        },
        {
          en: 'A full backup copy of critical data is maintained (off-site/in the cloud)',
          it: 'È conservata una copia di backup completa dei dati critici (fuori sede/nel cloud)',
        },
        {
          en: 'A business continuity plan is in place in case of catastrophic failures (e.g. all data locked by a ransomware attack or physical damage to the IT infrastructure)',
          it: "È previsto un piano di continuità operativa in caso di guasti catastrofici (ad es. tutti i dati bloccati da un attacco ransomware o danni fisici all'infrastruttura informatica)",
        },
      ],
    },
    {
      id: 'Q9',
      dimension: 'D5',
      type: 'scale05',
      text: {
        en: 'Which of the following technologies and business applications are your enterprise already using? Please grade all options that apply using a 0-5 scale',
        it: 'Quali delle seguenti tecnologie e applicazioni aziendali sono già utilizzate dalla sua impresa? Valuti tutte le opzioni pertinenti usando una scala da 0 a 5',
      },
      options: [
        {
          en: 'Natural Language Processing incl. chatbots, text mining, machine translation, sentiment analysis',
          it: 'Elaborazione del linguaggio naturale, inclusi chatbot, text mining, traduzione automatica, analisi del sentiment',
        },
        {
          en: 'Computer vision / image recognition',
          it: 'Visione artificiale / riconoscimento di immagini',
        },
        {
          en: 'Audio processing / speech recognition, processing and synthesis',
          it: 'Elaborazione audio / riconoscimento, elaborazione e sintesi vocale',
        },
        {
          en: 'Robotics and autonomous devices',
          it: 'Robotica e dispositivi autonomi',
        },
        {
          en: 'Business intelligence, data analytics, decision support systems, recommendation systems, intelligent control systems',
          it: 'Business intelligence, analisi dei dati, sistemi di supporto alle decisioni, sistemi di raccomandazione, sistemi di controllo intelligenti',
        },
      ],
    },
    {
      id: 'Q10',
      dimension: 'D6',
      type: 'checkbox',
      text: {
        en: 'How does your enterprise make use of digital technologies to contribute to environmental sustainability? Please select all options that apply',
        it: 'In che modo la sua impresa utilizza le tecnologie digitali per contribuire alla sostenibilità ambientale? Selezioni tutte le opzioni pertinenti',
      },
      options: [
        {
          en: 'Sustainable business model (e.g. circular economy model, product-as-a-service)',
          it: 'Modello di business sostenibile (ad es. modello di economia circolare, prodotto come servizio)',
        },
        {
          en: 'Sustainable service provision (e.g. usage tracking for further reuse by other users)',
          it: "Erogazione sostenibile dei servizi (ad es. tracciamento dell'uso per il successivo riutilizzo da parte di altri utenti)",
        },
        {
          en: 'Sustainable products (e.g. eco-design, end-to-end product lifecycle planning, end-of-life & extension of useful life)',
          it: "Prodotti sostenibili (ad es. eco-progettazione, pianificazione dell'intero ciclo di vita del prodotto, fine vita ed estensione della vita utile)",
        },
        {
          en: 'Sustainable production and manufacturing methods, materials and components (incl. end-of-life management)',
          it: 'Metodi di produzione e fabbricazione, materiali e componenti sostenibili (inclusa la gestione del fine vita)',
        },
        {
          en: 'Emissions, pollution and/or waste management',
          it: 'Gestione di emissioni, inquinamento e/o rifiuti',
        },
        {
          en: 'Sustainable energy generation in own facility',
          it: 'Produzione di energia sostenibile nei propri impianti',
        },
        {
          en: 'Optimisation of raw material consumption/cost',
          it: 'Ottimizzazione del consumo/costo delle materie prime',
        },
        {
          en: 'Reduction of transport and packaging costs',
          it: 'Riduzione dei costi di trasporto e imballaggio',
        },
        {
          en: 'Digital applications to encourage responsible consumer behaviour',
          it: 'Applicazioni digitali per incoraggiare comportamenti responsabili dei consumatori',
        },
        {
          en: 'Paperless administrative processes',
          it: 'Processi amministrativi senza carta',
        },
      ],
    },
    {
      id: 'Q11',
      dimension: 'D6',
      type: 'tristate',
      text: {
        en: 'Is your enterprise taking into account environmental impacts in its digital choices and practices? Please grade all options that apply using this scale',
        it: 'La sua impresa tiene conto degli impatti ambientali nelle proprie scelte e pratiche digitali? Valuti tutte le opzioni pertinenti usando questa scala',
      },
      options: [
        {
          en: "Environmental concerns and standards are embedded in the organisation's digital strategy",
          it: "Le tematiche e gli standard ambientali sono integrati nella strategia digitale dell'organizzazione",
        },
        {
          en: 'An Environmental Management System/certification is implemented',
          it: 'È adottato un sistema di gestione ambientale o una certificazione ambientale',
        },
        {
          en: "Environmental aspects are part of digital technologies/suppliers' procurement criteria",
          it: 'Gli aspetti ambientali fanno parte dei criteri di acquisto delle tecnologie digitali e di scelta dei fornitori',
        },
        {
          en: 'Energy consumption of digital technologies and data storage are monitored and optimised',
          it: "Il consumo energetico delle tecnologie digitali e dell'archiviazione dei dati è monitorato e ottimizzato",
        },
        {
          en: 'Recycling/re-use of old technological equipment is actively practised by the enterprise',
          it: "Il riciclo/riutilizzo delle vecchie apparecchiature tecnologiche è praticato attivamente dall'impresa",
        },
      ],
    },
  ],
} as const satisfies DmaInstrument
