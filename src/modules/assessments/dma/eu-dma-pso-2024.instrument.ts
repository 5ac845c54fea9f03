/**
 * EU/JRC Digital Maturity Assessment, questionnaire for public sector organisations (Module 2),
 * version `2024`. English: the public EDIH Network questionnaire as transcribed in Ponte's
 * reference (dma.md), verbatim; P11's rows are Q11's with "organisation" for "enterprise", as the
 * reference says. Italian: Ponte's own, unofficial translation (flagged in `italian`). Option and
 * row order is the answer format's numbering: never reorder; a new wording is a new version.
 */
import type { DmaInstrument } from './dma.types'
import { INVEST_COLUMNS, INTEROPERABILITY_COLUMNS, UNOFFICIAL_ITALIAN_NOTICE } from './dma.labels'

export const EU_DMA_PSO_2024 = {
  id: 'eu-dma-pso',
  version: '2024',
  title: {
    en: 'Digital Maturity Assessment for Public Sector Organisations',
    it: 'Valutazione della maturità digitale per le organizzazioni del settore pubblico',
  },
  source: "EDIH Network, DMA Questionnaire for PSOs (public), as transcribed in Ponte's reference",
  italian: { official: false, notice: UNOFFICIAL_ITALIAN_NOTICE },
  dimensions: [
    { id: 'D1', name: { en: 'Digital Strategy and Investments', it: 'Strategia e investimenti digitali' }, exportLabel: 'Digital Strategy and Investments' },
    { id: 'D2', name: { en: 'Digital Readiness', it: 'Prontezza digitale' }, exportLabel: 'Digital Readiness' },
    { id: 'D3', name: { en: 'Human-centric digitalisation', it: 'Digitalizzazione incentrata sulle persone' }, exportLabel: 'Human-Centric Digitalisation' },
    { id: 'D4', name: { en: 'Data Management and Security', it: 'Gestione e sicurezza dei dati' }, exportLabel: 'Data Management and Security' },
    { id: 'D5', name: { en: 'Interoperability', it: 'Interoperabilità' }, exportLabel: 'Interoperability' },
    { id: 'D6', name: { en: 'Green digitalisation', it: 'Digitalizzazione verde' }, exportLabel: 'Green Digitalisation' },
  ],
  questions: [
    {
      id: 'P1',
      dimension: 'D1',
      type: 'checkbox',
      text: {
        en: 'In which of the following ways is your organisation prepared for (more) digitalisation?',
        it: 'In quali dei seguenti modi la sua organizzazione è preparata a una (maggiore) digitalizzazione?',
      },
      options: [
        {
          en: 'Digitalisation needs are identified and are aligned with policy making/administrative objectives',
          it: 'Le esigenze di digitalizzazione sono individuate e allineate agli obiettivi politici/amministrativi',
        },
        {
          en: 'Financial resources (own funds, grants, loans) are identified to secure digitalisation projects during at least the following two years',
          it: 'Sono individuate le risorse finanziarie (fondi propri, contributi, prestiti) per sostenere i progetti di digitalizzazione almeno per i due anni successivi',
        },
        {
          en: 'ICT infrastructures are ready to support digitalisation plans',
          it: 'Le infrastrutture ICT sono pronte a sostenere i piani di digitalizzazione',
        },
        {
          en: 'ICT specialists are employed/sub-contracted (or hiring/subcontracting needs have been identified)',
          it: 'Specialisti ICT sono assunti o incaricati esternamente (oppure ne è stato individuato il fabbisogno di assunzione o di affidamento esterno)',
        },
        {
          en: 'There is appropriate level of political commitment to lead the necessary organisational changes needed',
          it: "C'è un adeguato impegno politico a guidare i necessari cambiamenti organizzativi",
        },
        {
          en: "Organisational units'/departments' management and their staff are prepared and ready to support digitalisation plans",
          it: 'I responsabili delle unità organizzative/degli uffici e il loro personale sono preparati e pronti a sostenere i piani di digitalizzazione',
        },
        {
          en: 'Internal and external operational processes can be adapted if required by digitalisation',
          it: 'I processi operativi interni ed esterni possono essere adattati se la digitalizzazione lo richiede',
        },
        {
          en: 'Offline services are ready to be brought online or further modernised by digital technologies',
          it: 'I servizi offline sono pronti per essere portati online o ulteriormente modernizzati con le tecnologie digitali',
        },
        {
          en: "Citizens' and other stakeholders' (businesses, NGOs etc) satisfaction with online services/interactions is monitored regularly (e.g. via feedback forms, emails exchanges, social media, etc.)",
          it: 'La soddisfazione dei cittadini e degli altri portatori di interesse (imprese, ONG, ecc.) per i servizi e le interazioni online è monitorata regolarmente (ad es. tramite moduli di valutazione, scambi di email, social media, ecc.)',
        },
        {
          en: 'Risks of digitalisation (e.g. non-planned effects over other areas) are considered',
          it: 'Sono presi in considerazione i rischi della digitalizzazione (ad es. effetti non previsti su altre aree)',
        },
      ],
    },
    {
      id: 'P2',
      dimension: 'D1',
      type: 'dual',
      text: {
        en: 'In which of the following operational areas has your organisation already invested in digitalisation and in which ones does it plan to invest in the future?',
        it: 'In quali delle seguenti aree operative la sua organizzazione ha già investito nella digitalizzazione e in quali prevede di investire in futuro?',
      },
      columns: INVEST_COLUMNS,
      options: [
        {
          en: 'Internal operations (administrative, structural, organisational processes)',
          it: 'Operazioni interne (processi amministrativi, strutturali, organizzativi)',
        },
        {
          en: 'External operations (governance processes including new ways of citizen participation)',
          it: 'Operazioni esterne (processi di governance, incluse nuove forme di partecipazione dei cittadini)',
        },
        {
          en: 'Policy making (agenda setting, policy formulation, policy adoption, policy implementation, policy evaluation)',
          it: "Definizione delle politiche (definizione dell'agenda, formulazione, adozione, attuazione e valutazione delle politiche)",
        },
        {
          en: 'Provision of public services (or products)',
          it: 'Erogazione di servizi (o prodotti) pubblici',
        },
        {
          en: 'Financial administration (accounting, logistics, eInvoices etc.)',
          it: 'Amministrazione finanziaria (contabilità, logistica, fatture elettroniche, ecc.)',
        },
        {
          en: 'Human resources management',
          it: 'Gestione delle risorse umane',
        },
        {
          en: 'Purchasing and public procurement',
          it: 'Acquisti e appalti pubblici',
        },
        {
          en: 'Project planning and management',
          it: 'Pianificazione e gestione dei progetti',
        },
      ],
    },
    {
      id: 'P3',
      dimension: 'D2',
      type: 'checkbox',
      text: {
        en: 'Which of the following digital technologies and solutions are already used by your organisation?',
        it: 'Quali delle seguenti tecnologie e soluzioni digitali sono già utilizzate dalla sua organizzazione?',
      },
      options: [
        {
          en: 'Connectivity infrastructure (e.g. high-speed (fibre) Internet, cloud computing services, remote access to office systems)',
          it: "Infrastruttura di connettività (ad es. internet ad alta velocità (fibra), servizi di cloud computing, accesso remoto ai sistemi d'ufficio)",
        },
        {
          en: 'Website',
          it: 'Sito web',
        },
        {
          en: 'Web-based forms or forums to communicate with citizens',
          it: 'Moduli web o forum per comunicare con i cittadini',
        },
        {
          en: 'Live chats, social networks and/or chatbots to communicate with citizens',
          it: 'Chat dal vivo, social network e/o chatbot per comunicare con i cittadini',
        },
        {
          en: 'Remote collaboration tools (e.g. teleworking platform, videoconferencing, virtual learning, service-specific platforms and tools)',
          it: 'Strumenti di collaborazione a distanza (ad es. piattaforme di telelavoro, videoconferenze, formazione virtuale, piattaforme e strumenti specifici dei servizi)',
        },
        {
          en: 'Internal web portal (Intranet)',
          it: 'Portale web interno (Intranet)',
        },
        {
          en: 'Information Management Systems (e.g. ERP, Accounting, HR Management, CRM, e-invoicing)',
          it: 'Sistemi di gestione delle informazioni (ad es. ERP, contabilità, gestione delle risorse umane, CRM, fatturazione elettronica)',
        },
        {
          en: 'Tools for digital public services (online interaction with citizens and/or businesses, online service delivery)',
          it: 'Strumenti per i servizi pubblici digitali (interazione online con cittadini e/o imprese, erogazione online dei servizi)',
        },
        {
          en: 'Public procurement tools (eProcurement)',
          it: 'Strumenti per gli appalti pubblici (eProcurement)',
        },
      ],
    },
    {
      id: 'P4',
      dimension: 'D2',
      type: 'scale05',
      text: {
        en: 'Which of the following advanced digital technologies are already used by your organisation?',
        it: 'Quali delle seguenti tecnologie digitali avanzate sono già utilizzate dalla sua organizzazione?',
      },
      options: [
        {
          en: 'Artificial Intelligence (e.g. Machine learning, Deep learning; Expert and Rule based systems; Cognitive computing, predictive analytics; Robotic process automation; NLP, Text Mining, Computer Vision)',
          it: 'Intelligenza artificiale (ad es. apprendimento automatico, apprendimento profondo; sistemi esperti e basati su regole; calcolo cognitivo, analisi predittiva; automazione robotica dei processi; NLP, text mining, visione artificiale)',
        },
        {
          en: 'Communication Technologies (e.g. 5G Networks and Handheld Devices; Software Defined Networks)',
          it: 'Tecnologie di comunicazione (ad es. reti 5G e dispositivi portatili; reti definite dal software)',
        },
        {
          en: 'Computing Infrastructures (e.g. High Performance Computing; Cloud Computing; Edge Computing)',
          it: 'Infrastrutture di calcolo (ad es. calcolo ad alte prestazioni; cloud computing; edge computing)',
        },
        {
          en: 'Distributed Ledger Technologies (e.g. Blockchain)',
          it: 'Tecnologie a registro distribuito (ad es. blockchain)',
        },
        {
          en: 'Digital Identity and Security (e.g. Firewall and Protocols; Antivirus; Biometric Screening; Cloud-oriented Cybersecurity; Advanced User Analytics; Mobile ID; Digital Identity Frameworks)',
          it: 'Identità digitale e sicurezza (ad es. firewall e protocolli; antivirus; controlli biometrici; sicurezza informatica orientata al cloud; analisi avanzata del comportamento degli utenti; identità digitale su dispositivo mobile; sistemi di identità digitale)',
        },
        {
          en: 'Immersive technologies (e.g. Augmented Reality; Virtual Reality)',
          it: 'Tecnologie immersive (ad es. realtà aumentata; realtà virtuale)',
        },
        {
          en: 'Internet of things and Smart Devices (e.g. Mobile Devices, Wearables and Sensors; IoT Platforms)',
          it: 'Internet delle cose e dispositivi intelligenti (ad es. dispositivi mobili, indossabili e sensori; piattaforme IoT)',
        },
        {
          en: 'Software and Service Technologies (e.g. APIs, Web Services, Microservices incl. Registries and Marketplace; Enterprise Service Bus; Government Service Utilities)',
          it: 'Tecnologie software e di servizio (ad es. API, servizi web, microservizi inclusi registri e marketplace; Enterprise Service Bus; servizi infrastrutturali comuni per la pubblica amministrazione)',
        },
      ],
    },
    {
      id: 'P5',
      dimension: 'D3',
      type: 'checkbox',
      text: {
        en: 'What does your organisation do to re-skill and up-skill its staff for digitalisation?',
        it: 'Che cosa fa la sua organizzazione per riqualificare e aggiornare le competenze del personale in vista della digitalizzazione?',
      },
      options: [
        {
          en: 'Assesses digital skills gaps of the staff',
          it: 'Valuta le lacune nelle competenze digitali del personale',
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
      id: 'P6',
      dimension: 'D3',
      type: 'checkbox',
      text: {
        en: 'When adopting new digital solutions, how does your organisation engage and empower its staff and end-users (citizens/businesses in case of digital public services)?',
        it: 'Quando adotta nuove soluzioni digitali, in che modo la sua organizzazione coinvolge e responsabilizza il personale e gli utenti finali (cittadini/imprese, nel caso dei servizi pubblici digitali)?',
      },
      options: [
        {
          en: 'Increases staff awareness about new digital technologies',
          it: 'Accresce la conoscenza delle nuove tecnologie digitali da parte del personale',
        },
        {
          en: 'Communicates digitalisation plans to staff in a transparent and inclusive way',
          it: 'Comunica al personale i piani di digitalizzazione in modo trasparente e inclusivo',
        },
        {
          en: 'Involves staff (including non-ICT staff) in the design and development of product/service/process digitalisation',
          it: 'Coinvolge il personale (anche non ICT) nella progettazione e nello sviluppo della digitalizzazione di prodotti/servizi/processi',
        },
        {
          en: 'Monitors staff acceptance and takes measures to mitigate the potential collateral effects',
          it: "Monitora l'accettazione da parte del personale e adotta misure per attenuare i possibili effetti collaterali",
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
        {
          en: 'Puts at end-users disposal a digital support team/service (internal/external)',
          it: 'Mette a disposizione degli utenti finali un team/servizio di supporto digitale (interno/esterno)',
        },
        {
          en: 'Uses feedback from end-users (citizens/businesses) to improve digital public services',
          it: 'Usa le indicazioni degli utenti finali (cittadini/imprese) per migliorare i servizi pubblici digitali',
        },
      ],
    },
    {
      id: 'P7',
      dimension: 'D4',
      type: 'checkbox',
      text: {
        en: "How are your organisation's data managed (i.e. stored, organised, accessed and exploited)?",
        it: 'Come sono gestiti (cioè archiviati, organizzati, consultati e sfruttati) i dati della sua organizzazione?',
      },
      options: [
        {
          en: 'The organisation has in place a data management policy/plan/set of measures',
          it: "L'organizzazione dispone di una politica/un piano/un insieme di misure per la gestione dei dati",
        },
        {
          en: 'The organisation does not use paper-based forms to collect data',
          it: "L'organizzazione non usa moduli cartacei per raccogliere i dati",
        },
        {
          en: 'Data are stored only digitally in the organisation (e.g. office applications, email folders, stand-alone applications, databases, document management systems, ERP etc.)',
          it: "I dati sono archiviati nell'organizzazione solo in forma digitale (ad es. applicazioni d'ufficio, cartelle di posta elettronica, applicazioni autonome, banche dati, sistemi di gestione documentale, ERP, ecc.)",
        },
        {
          en: 'Data are properly integrated (e.g. through interoperable systems, APIs) even when they are distributed amongst different systems',
          it: 'I dati sono opportunamente integrati (ad es. tramite sistemi interoperabili, API) anche quando sono distribuiti tra sistemi diversi',
        },
        {
          en: 'Data are accessible in real-time from different devices and locations',
          it: 'I dati sono accessibili in tempo reale da dispositivi e luoghi diversi',
        },
        {
          en: 'Collected data are systematically analysed and reported for decision-making',
          it: 'I dati raccolti sono analizzati sistematicamente e presentati in report a supporto delle decisioni',
        },
        {
          en: "Organisation's data are enriched with third-party data (i.e. data from other public sector organisations and/or private sector actors)",
          it: "I dati dell'organizzazione sono arricchiti con dati di terzi (cioè dati di altre organizzazioni del settore pubblico e/o di soggetti privati)",
        },
        {
          en: "Organisation's data analytics are accessible without the need of expert assistance on a regular base (e.g. through dashboards)",
          it: "Le analisi dei dati dell'organizzazione sono consultabili regolarmente senza bisogno dell'assistenza di esperti (ad es. tramite dashboard)",
        },
        {
          en: "Organisation's data are available publicly via an Open Data policy plan",
          it: "I dati dell'organizzazione sono resi disponibili pubblicamente secondo un piano di dati aperti (Open Data)",
        },
      ],
    },
    {
      id: 'P8',
      dimension: 'D4',
      type: 'checkbox',
      text: {
        en: "Are your organisation's data sufficiently secured?",
        it: 'I dati della sua organizzazione sono sufficientemente protetti?',
      },
      options: [
        {
          en: 'A data security policy/set of measures is in place in our organisation',
          it: 'Nella nostra organizzazione è in vigore una politica/un insieme di misure per la sicurezza dei dati',
        },
        {
          en: "There are established plans and measures to safeguard organisation's data from cyberattacks",
          it: "Esistono piani e misure consolidati per proteggere i dati dell'organizzazione dagli attacchi informatici",
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
          en: 'A business continuity plan is in place in case of catastrophic failures',
          it: 'È previsto un piano di continuità operativa in caso di guasti catastrofici',
        },
      ],
    },
    {
      id: 'P9',
      dimension: 'D5',
      type: 'dual',
      text: {
        en: 'While digitalising processes and services, what does your organization do to share data, information and knowledge with other public sector organizations?',
        it: 'Nel digitalizzare processi e servizi, che cosa fa la sua organizzazione per condividere dati, informazioni e conoscenze con altre organizzazioni del settore pubblico?',
      },
      columns: INTEROPERABILITY_COLUMNS,
      options: [
        {
          en: 'Publish data as Open Data',
          it: 'Pubblicare i dati come dati aperti (Open Data)',
        },
        {
          en: 'Ensure a level playing field for open source software',
          it: 'Garantire pari condizioni al software open source',
        },
        {
          en: 'Give preference to open specifications',
          it: 'Dare la preferenza alle specifiche aperte',
        },
        {
          en: 'Ensure internal visibility and provide external interfaces for provided services',
          it: 'Garantire la visibilità interna e fornire interfacce esterne per i servizi erogati',
        },
        {
          en: 'Reuse and share solutions, information and data',
          it: 'Riutilizzare e condividere soluzioni, informazioni e dati',
        },
        {
          en: 'Do not impose any technology-specific solutions on end-user',
          it: 'Non imporre agli utenti finali soluzioni legate a una specifica tecnologia',
        },
        {
          en: 'Ensure data portability',
          it: 'Garantire la portabilità dei dati',
        },
        {
          en: 'Give end-users options to access services that best suits their needs',
          it: 'Offrire agli utenti finali le modalità di accesso ai servizi più adatte alle loro esigenze',
        },
        {
          en: 'Provide a single point of contact to access services',
          it: 'Offrire un punto di contatto unico per accedere ai servizi',
        },
        {
          en: 'Ask users once-only and relevant-only information',
          it: 'Chiedere agli utenti le informazioni una sola volta e solo quelle pertinenti',
        },
        {
          en: 'Persons with disabilities, the elderly and other disadvantaged groups can access services',
          it: 'Le persone con disabilità, gli anziani e altri gruppi svantaggiati possono accedere ai servizi',
        },
        {
          en: 'Services are available in more than one language',
          it: 'I servizi sono disponibili in più di una lingua',
        },
        {
          en: 'Ensure that data exchange with end-users is secure and trustworthy',
          it: 'Garantire che lo scambio di dati con gli utenti finali sia sicuro e affidabile',
        },
        {
          en: 'Give priority to using services via digital channels',
          it: "Dare priorità all'uso dei servizi tramite canali digitali",
        },
        {
          en: 'Data storage formats ensure long-term accessibility',
          it: "I formati di archiviazione dei dati garantiscono l'accessibilità nel lungo periodo",
        },
        {
          en: 'Digital solutions are evaluated considering user needs and balancing between costs and benefit',
          it: 'Le soluzioni digitali sono valutate considerando le esigenze degli utenti e bilanciando costi e benefici',
        },
      ],
    },
    {
      id: 'P10',
      dimension: 'D6',
      type: 'checkbox',
      text: {
        en: 'How does your organisation make use of digital technologies to contribute to environmental sustainability?',
        it: 'In che modo la sua organizzazione utilizza le tecnologie digitali per contribuire alla sostenibilità ambientale?',
      },
      options: [
        {
          en: 'Sustainable organisational model (e.g. environmental conscious operations)',
          it: "Modello organizzativo sostenibile (ad es. attività svolte con attenzione all'ambiente)",
        },
        {
          en: 'Sustainable service provision (e.g. paperless digital public services)',
          it: 'Erogazione sostenibile dei servizi (ad es. servizi pubblici digitali senza carta)',
        },
        {
          en: 'Procurement of sustainable products (e.g. eco-design, end-to-end product lifecycle planning, end-of-life & extension of useful life)',
          it: "Acquisto di prodotti sostenibili (ad es. eco-progettazione, pianificazione dell'intero ciclo di vita del prodotto, fine vita ed estensione della vita utile)",
        },
        {
          en: 'Considering emissions, pollution and/or waste management',
          it: 'Attenzione alla gestione di emissioni, inquinamento e/o rifiuti',
        },
        {
          en: 'Sustainable energy generation in own facility',
          it: 'Produzione di energia sostenibile nei propri impianti',
        },
        {
          en: 'Optimisation of energy consumption/cost',
          it: "Ottimizzazione del consumo/costo dell'energia",
        },
        {
          en: 'Reduction of transport costs',
          it: 'Riduzione dei costi di trasporto',
        },
        {
          en: 'Digital applications to encourage responsible citizens behaviour',
          it: 'Applicazioni digitali per incoraggiare comportamenti responsabili dei cittadini',
        },
        {
          en: 'Paperless administrative processes',
          it: 'Processi amministrativi senza carta',
        },
      ],
    },
    {
      id: 'P11',
      dimension: 'D6',
      type: 'tristate',
      text: {
        en: 'Is your organisation taking into account environmental impacts in its digital choices and practices?',
        it: 'La sua organizzazione tiene conto degli impatti ambientali nelle proprie scelte e pratiche digitali?',
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
          en: 'Recycling/re-use of old technological equipment is actively practised by the organisation',
          it: "Il riciclo/riutilizzo delle vecchie apparecchiature tecnologiche è praticato attivamente dall'organizzazione",
        },
      ],
    },
  ],
} as const satisfies DmaInstrument
