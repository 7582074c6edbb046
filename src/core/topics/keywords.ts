/**
 * Hand-curated keyword lists for the IPTC Media Topics subjects (written for this project, not
 * generated from the IPTC labels: label words clash across senses — `stressed` is not health,
 * `season` is not only sport).
 *
 * Format: entries separated by commas or new lines; `term=weight` (default 1). A term is one word
 * or a phrase of words separated by spaces; a trailing `*` on the last word matches any ending
 * (at least 3 letters before it). A term written with a capital first letter (`Labour`) matches
 * only a capitalised word (a proper-noun cue); a term starting with `~` matches only a word not
 * capitalised mid-sentence (`~labour` is work, `Labour` the party). Phrases win over single words
 * and consume them, which is how senses are told apart: `arms sales` is conflict, `phone call` is
 * nothing, `holiday season` is business, `computer virus` technology. A weight of 0 consumes
 * the words and scores nothing.
 *
 * Weights: 3 = the word nearly decides the subject; 2 = strong; 1 = a hint; 0.5 = weak.
 * Keys are IPTC Media Topic codes without the `medtop:` prefix.
 */
export const SUBJECT_KEYWORDS: Record<string, string> = {
  // arts, culture, entertainment and media
  '01000000': `
    ceremony=1.5, prize=1, scene=1, talent=1, category=1.5, categories=2, performed=2, performance*=1.5, perform=1.5, supporting actor=3,
    supporting actress=3, supporting role=3, genre*=3, production=0.5, productions=2, producer*=2, ticket*=1.5, watched=1, audiences=2,
    film*=3, movie*=3, film-maker*=3, filmmaker*=3, cinema*=3, cinematic=3, box office=3, box-office=3, blockbuster*=2.5,
    sequel*=2.5, screenplay*=3, screenwriter*=3, director=1, film director=3, directed=1.5, directorial=3, starring=3, starred=2,
    co-star*=3, stars=1, star=1, actor*=3, actress*=3, acting=2, oscar*=3, Academy Award*=3, Bafta*=3, Grammy=3, Grammys=3,
    Golden Globe*=3, Emmy=3, Emmys=3, Brit Award*=3, Brits=2, nominee*=2, nominated=1.5, nomination*=2, award*=1, award-winning=2,
    best picture=3, best actor=3, best actress=3, best director=3, best film=3, red carpet=3, premiere*=2.5, Hollywood=3,
    Bollywood=3, Sundance=3, Cannes=2, studio=1.5, studios=1.5, Pixar=3, Disney=2, Miramax=3, Paramount=2, DreamWorks=3,
    animation=2.5, animated=2, cartoon*=2, comic=1.5, comics=2, superhero=2.5, cast=1.5, role=0.5, roles=0.5, character=1, characters=1,
    music=2, musical=2.5, musician*=3, song*=3, songwriter*=3, singer*=3, sang=2.5, singing=2, album*=3, single=0.5, singles chart=3,
    debut album=3, hit single=3, top 40=3, number one single=3, chart=1, charts=1, charts=2, band=1.5, bands=2, frontman=3, guitarist*=3,
    drummer*=3, bassist=3, lead singer=3, rapper*=3, rap=2.5, hip-hop=3, hip hop=3, pop=2, rock=1.5, jazz=3, blues=1.5, soul=0.5,
    punk=2.5, indie=2, orchestra=3, orchestras=3, composer*=3, opera=2.5, operas=2.5, ballet=3, choir=2, concert=3, concerts=3, gig=3,
    gigs=3, tour=1, touring=1.5,
    record label*=3, record company=3, record deal=3, label=0.5, lyrics=3, tracks=1.5, track=0.5, Eurovision=3, festival*=1.5,
    film festival=3, Edinburgh Festival=3, Glastonbury=3, theatre*=2.5, theater*=2.5, stage=1, West End=2.5, Broadway=2.5,
    play=0, playwright*=3, comedy=2.5, comedian*=3, comedies=3, sitcom*=3, drama=1.5, dramas=2, soap*=1.5, soap opera*=3, documentary=2,
    documentaries=2, series=1, episode*=2.5, television=1.5, tv show*=3, TV=1, show=1, shows=1, reality show*=3, reality tv=3,
    talent show=3, chat show=3, viewers=2, audience*=1.5, ratings=1, presenter*=3, broadcaster*=1.5, broadcast=1.5, BBC One=3,
    BBC Two=3, ITV=2, Channel 4=2, Channel Five=2, EastEnders=3, Coronation Street=3, Big Brother=2.5, Pop Idol=3, X Factor=3,
    Doctor Who=3, The Simpsons=3, Simpsons=3, novel=2, novels=2.5, novelist*=3, author=2, authors=2, book=1.5, books=1.5, writer*=1.5,
    poet*=3, poetry=3,
    literary=3, fiction=2.5, bestseller*=3, best-selling=2, publisher*=1, art=1.5, arts=2, artist*=2, artwork*=3, gallery=2,
    galleries=2, exhibition*=2, museum*=1.5, painting*=2.5, painter*=3, sculpture*=3, photographer*=1.5, dance=1.5, dancer*=2.5,
    entertainment=2, entertainer*=3, showbiz=3, celebrity=2, celebrities=2, fans=0.5, fame=2, famous=1, critic=2, critics=2, acclaimed=2.5,
    review*=0.5, Turner Prize=3, Booker=3, fashion=1.5, designer*=0.5, catwalk=3, model=0, magazine*=1, tabloid*=1.5, newspaper*=1,
    journalist*=1, media=1, culture=1.5, cultural=1.5, heritage=1, Radio 1=3, Radio 2=3, radio=1, DJ=2, listeners=2,
    downloads chart=3, U2=3, Beatles=3, Elvis=3, Madonna=3, Kylie=3, Spider-Man=3, Harry Potter=3, Lord of the Rings=3
  `,
  // crime, law and justice
  '02000000': `
    police=2, policing=2, policeman=3, policemen=3, police officer*=3, detective*=3, Scotland Yard=3, crime*=2.5, criminal*=2,
    court=1.5, courts=1.5, High Court=2, Supreme Court=2, Crown Court=3, magistrate*=3, trial=1.5, judge=2, judges=1, jury=3,
    juror*=3, jail*=3, prison*=2.5, prisoner*=1.5, inmate*=3, murder*=3, manslaughter=3, homicide*=3, arrest*=2.5, charged with=2.5,
    charged=1, charges=1.5, lawyer*=1.5, attorney*=1.5, barrister*=2, solicitor*=1.5, convicted=3, conviction*=2, sentenced=3,
    sentence=1, guilty=2.5, not guilty=3, acquitted=3, innocent=1, fraud*=1.5, theft*=3, stolen=2, stealing=2, robbery=3,
    burglar*=3, suspect*=2, investigation*=1, investigator*=1, prosecut*=2.5, lawsuit*=2, sued=1.5, sue=1.5, legal=1, legally=1,
    law=1, laws=1, illegal=1.5, illegally=1.5, justice=1.5, appeal court=2, fined=1, damages=1, piracy=0.5, scam*=2, drug dealer*=3,
    drug trafficking=3, gang*=2.5, violence=1, violent=1, shooting*=1.5, shot dead=3, stabbed=3, stabbing=3, assault*=2, rape*=3,
    abuse=1.5, victim*=1, witness=1.5, witnesses=1.5, testimony=2, testified=3, bail=3, custody=2, extradit*=3, smuggl*=2.5,
    anti-social=1.5,
    asbo*=3, Crown Prosecution Service=3, CPS=2, offence*=2, offender*=3, offending=2, terror suspects=2, detention=2, detained=2,
    detainee*=2, house arrest=2.5, forensic=3, homicide=3, cybercrime=2, identity theft=3, money laundering=3
  `,
  // disaster, accident and emergency incident
  '03000000': `
    earthquake*=3, quake*=3, tsunami*=3, flood*=2.5, flooding=2.5, hurricane*=2, typhoon*=3, cyclone*=3, tornado*=2, wildfire*=3,
    bushfire*=3, blaze=2.5, fire=1, fires=1, firefighter*=3, fire brigade=3, crash=1, crashed=1.5, plane crash=3, car crash=3,
    accident*=2.5, disaster*=2.5, catastroph*=2, rescue*=2, rescuer*=3, victims=1, death toll=3, dead=1, killed=1, casualties=1.5,
    injured=1, injuries=0.5, survivor*=2, emergency services=3, emergency=1.5, explosion*=1.5, collapsed=1, derail*=3, landslide*=3,
    avalanche*=3, volcano*=3, eruption=3, famine=2.5, drought=1, evacuat*=2.5, relief effort*=3, aid agencies=2, disaster relief=3,
    humanitarian=1, devastat*=1.5, debris=2, wreckage=3, toxic=1, spill=2, oil spill=3, stampede=3, mudslide*=3, sinking=1.5
  `,
  // economy, business and finance
  '04000000': `
    exchange=1, domestic=1, operations=1, securities=3, monetary=3, decline=1, assets=2, reserve*=1, payments=1, economics=3,
    restructuring=2.5, trillion=1, slump=2, booming=1.5, downgrade*=2, upgrade*=0.5, fiscal=2.5, valuation=3, shareholding=3,
    economy=3, economies=3, economic=2.5, economically=2.5, economist*=3, growth=2, GDP=3, gross domestic product=3, inflation=3,
    interest rate*=3, rates=1, rate rise*=3, recession*=3, slowdown=2.5, downturn=2.5, deficit*=2, trade deficit=3, current account=3,
    budget deficit=2, surplus=2, export*=2.5, exporter*=3, import=2, imports=2, imported=2, importing=2, importer*=3, trade=1.5, trading=2,
    traded=2, trade deal*=3,
    trade talks=2.5, free trade=3, trade barriers=3, tariff*=2.5, quota*=1.5, market=1.5, markets=2, marketplace=2, market share=3,
    stock market*=3, stock exchange*=3, share price*=3, shares=3, shareholder*=3, stock=1.5, stocks=2.5, stockmarket*=3,
    investor*=3, investment*=2, invest=2, invested=2, investing=2, bond=1.5, bonds=1.5, bondholder*=1.5, currency=3, currencies=3,
    dollar=2.5, dollars=1.5,
    euro=2, euros=1, yen=3, yuan=3, sterling=2.5, pound=1, exchange rate*=3, bank=2, banks=2, banking=2.5, banker*=3,
    central bank=3, Bank of England=3, Federal Reserve=3, Fed=2, lender*=3, lending=3, loan*=1.5, borrowing=2, borrow*=1.5,
    debt*=2, mortgage*=3, credit=1.5, credit card*=3, profit*=3, profitable=3, profitability=3, pre-tax=3, revenue*=2.5,
    turnover=2, sales=2, sold=1, selling=1, earnings=3, losses=1.5, loss=1, quarter=1, quarterly=3, fourth quarter=3, third quarter=3,
    first quarter=3, second quarter=3, annual=1, results=0.5, forecast*=1, outlook=1.5, firm=2, firms=2.5, company=2, companies=2.5,
    corporation=2, corporate=2.5, business=1.5, businesses=2, enterprise*=1, chief executive*=2.5, chief executive officer=2.5,
    CEO=2.5, chief financial officer=3, executive*=1, chairman=1, boardroom=3, board=1, merger*=3, takeover*=3, acquisition*=3,
    acquire=2.5, acquired=2, bid=1, bidder*=3, deal=1, deals=1, stake=2.5, stakes=1, buyout=3, IPO=3, flotation=3, listing=1.5,
    analyst*=2, consumer*=2, consumer spending=3, spending=1, retail*=3, retailer*=3, shop*=1.5, shopper*=3, high street=2.5,
    supermarket*=2.5, price=2, prices=2, pricing=2.5, cost=1, costs=1.5, cheaper=1.5, oil=2.5, crude=3, OPEC=3, barrel*=3,
    oil price*=3, petrol=2, gas=1.5, energy=1.5, fuel=1.5, airline*=2.5, carrier=1, carmaker*=3, car maker*=3, motor=1,
    manufacturing=2.5, manufacturer*=2, factory=2, factories=2, industry=1.5, industries=1.5, industrial=2, output=2,
    production=1.5, productivity=3, jobs=1, job cuts=3, workforce=1.5, employees=1.5, staff=0.5, unemployment=2, pension*=1.5,
    tax=1, taxes=1, taxation=1.5, budget=1, treasury=1.5, WTO=3, World Trade Organisation=3, World Trade Organization=3, IMF=3,
    International Monetary Fund=3, World Bank=3, G7=3, G8=2, finance=2, financial=2, financing=2.5, finance minister*=3,
    fund=1, funds=1.5, hedge fund*=3, pension fund*=3, insurer*=3, insurance=2, bankrupt*=3, bankruptcy=3, administration=0,
    into administration=3, creditor*=3, privatis*=2.5, privatiz*=2.5, regulator*=2, regulatory=2, antitrust=3, monopoly=2,
    competition commission=3, subsid*=2, property=1.5, house prices=3, housing market=3, commodit*=3, gold=1, steel=2, mining=2,
    brewer*=3, brand*=1.5, advertising=1.5, advertiser*=2.5, marketing=1.5, customer*=1.5, demand=1.5, supply=1, supplier*=2,
    contract*=0.5, billion=1, soybean*=2.5, soya=2, agricultur*=1.5, farm*=1, farmer*=1, crop*=1.5, grain=2, wheat=2,
    purchase*=1.5, deliveries=1.5, aircraft=1, aircraft deliveries=3, Boeing=2, Airbus=2, commercial=1.5, commercial ties=2.5,
    plc=3, Inc=2, Corp=2, Ltd=2, conglomerate=3, subsidiary=3, subsidiaries=3, dividend*=3, equity=2.5, equities=3,
    Dow Jones=3, Nasdaq=3, FTSE=3, Nikkei=3, Dax=3, Wall Street=3, City of London=2, benchmark=1.5, index=1, indices=2,
    capital=1, capitalism=2, wealth=1.5, wealthy=1, income=1.5, net profit*=3, net income=3, net loss=3, operating profit*=3,
    record profit*=3, sales growth=3, holiday season=2, festive season=2, Christmas sales=3, christmas trading=3,
    economic growth=3, business confidence=3, consumer confidence=3, jobless=2, employment=1, employers=1.5, wages=1.5, pay=0.5,
    tourism=1.5, tourist*=0.5, airport*=1, shipping=2, logistics=3, telecoms=1.5, telecom=1.5, pharmaceutical*=1.5, drugmaker*=3,
    chemicals=2, brewing=3, tobacco=1, exports to=2, imports from=2, bail-out=2.5, bailout=2.5, rescue deal=3, rescue package=2,
    job losses=3, layoffs=2, redundanc*=2, cut jobs=3, shed jobs=3, euro zone=3, eurozone=3, single currency=3, devaluation=3,
    cheap=1, expensive=1, sellers=1, buyers=1.5, purchasers=2, sector=1.5, sectors=1.5, private sector=2, public sector=1,
    venture capital=3, startup*=1, start-up*=1, entrepreneur*=2.5, small firms=3, accountant*=2, accounting=2.5, audit*=2,
    auditor*=3, Enron=3, Parmalat=2
  `,
  // education
  '05000000': `
    school=2, schools=2.5, schooling=3, pupil*=3, student*=2.5, teacher*=2.5, teaching=2, university=2, universities=2.5,
    college*=1.5, education=2.5, educational=2.5, educat*=2, exam=2.5, exams=2.5, examination*=1.5, GCSE*=3, A-level*=3, A levels=3,
    degree*=1, tuition fee*=3,
    top-up fees=3, curriculum=3, classroom*=3, headteacher*=3, head teacher*=3, graduate*=1.5, literacy=2, numeracy=3,
    academic*=1.5, lecturer*=2.5, school leavers=3, nursery=1.5, kindergarten=3, Ofsted=3, primary school*=3, secondary school*=3,
    league tables=1.5, campus=2, scholarship*=2, homework=3, learning=1
  `,
  // environment
  '06000000': `
    climate change=3, global warming=3, climate=2, emission*=2.5, carbon=2, carbon dioxide=3, greenhouse=3, greenhouse gas*=3,
    pollution=3, pollut*=2.5, environment=1.5, business environment=0, environmental*=2.5, environmentalist*=3, wildlife=2.5, species=2,
    conservation=2.5,
    recycl*=3, renewable*=2.5, wind farm*=3, solar power=2.5, Kyoto=3, deforestation=3, biodiversity=3, endangered=2, habitat*=2.5,
    ecosystem*=3, ozone=3, sea levels=2.5, fossil fuel*=2.5, green groups=3, Greenpeace=3, Friends of the Earth=3, WWF=3,
    nature=1, natural resources=2, forests=2, rainforest*=3, whale*=2, whaling=3, waste=1, landfill=3, organic=1, GM crops=3,
    genetically modified=2.5, drought=1, water shortage*=2
  `,
  // health
  '07000000': `
    health=2, healthcare=3, health care=3, hospital*=2.5, doctor*=2.5, patient*=3, NHS=2.5, disease*=3, virus=0.5, viruses=0.5,
    vaccin*=3, medical=2, medicine*=2.5, drug=1, drugs=1, cancer*=3, tumour*=3, heart disease=3, heart attack*=3, stroke=1.5,
    treatment*=2, treat=1, surgery=3, surgeon*=3, nurse*=3, nursing=2.5, clinic*=2.5, GP=2.5, GPs=3, obesity=3, obese=3, diet=1.5,
    smoking=2, smokers=2.5, flu=3, influenza=3, bird flu=3, infection*=3, infected=2, epidemic*=3, pandemic*=3, HIV=3, Aids=3,
    mental health=3, mental illness=3, depression=1.5, illness*=2.5, ill=1, symptom*=3, diabetes=3, MRSA=3, superbug*=3,
    healthy=1.5, pharmaceutical*=1.5, prescri*=2.5, dementia=3, Alzheimer*=3, asthma=3, allergy=3, allergies=3, clinical=2.5,
    clinical trial*=3, World Health Organization=3, World Health Organisation=3, WHO=1.5, outbreak*=2, malaria=3, SARS=3,
    tuberculosis=3, transplant*=2.5, pregnan*=1.5, birth*=1, blood=1, organ=0.5, organs=1, organ donor*=3, therapy=2, therapies=2.5,
    mortality=2,
    life expectancy=3, cholesterol=3, vitamin*=3, alcohol=1, binge drinking=2.5, fitness=0.5, physicians=3, paramedic*=2,
    ambulance*=2, A&E=3, waiting list*=3, health service=3, medic*=1.5
  `,
  // human interest
  '08000000': `
    birthday=2, anniversary=1.5, wedding*=1.5, royal wedding=3, centenarian*=3, oldest=1, pet=1, pets=1, zoo=2, animal*=1, dog=1,
    dogs=1, cat=1, cats=1, Prince=1, Princess=1, Queen=1, royal family=2.5, royals=2, celebrity=1, lottery winner*=3, heroism=3,
    hero=1, bravery=2.5, record-breaking=1.5, Guinness World Records=3, eccentric=2, quirky=2, bizarre=1.5
  `,
  // labor
  '09000000': `
    strike action=3, on strike=3, go on strike=3, strikes=1, strikers=0, walkout*=3, trade union*=3, union=1, unions=2, TUC=3,
    wage*=2.5, minimum wage=3, worker*=2, employment=2, unemployment=2.5, unemployed=2.5, jobless=3, job=1, jobs=1.5, ~labour=2,
    labor=1.5, labour market=3, labor market=3, layoffs=3, laid off=3, redundanc*=3, job cuts=3, job losses=3, pay rise*=3,
    pay deal=3, pay talks=3, pay=1, pensions=1.5, retirement=2, retire=1, workplace*=2, employer*=2, employee*=1.5, staff=0.5,
    workforce=2, recruitment=1, hiring=2, hired=1, careers=1.5, working hours=3, overtime=2, collective bargaining=3,
    industrial action=3, industrial relations=3, picket*=3, apprentice*=2.5, migrant workers=3, skills shortage=3
  `,
  // lifestyle and leisure
  '10000000': `
    travel=1.5, travellers=2, holiday=1.5, holidays=1.5, holidaymakers=3, tourism=2, tourist*=2, restaurant*=2, food=1, chef*=2.5,
    cooking=2.5, recipe*=3, cuisine=3, gardening=3, garden*=1.5, hobby=3, hobbies=3, leisure=2.5, wine*=1.5, beer*=1, pub=1.5,
    pubs=1.5, gambling=1.5, casino*=1.5, betting=1, lottery=1.5, hotel*=1, fashion=0.5, shopping=0.5, cruise=1.5, resort*=1.5,
    dining=2.5, lifestyle=3, wellbeing=2, well-being=2, yoga=3, dieting=2, camping=3, hiking=3, fishing=1, angling=3,
    board game*=3, puzzle*=2, crossword*=3, Christmas=0.5, Valentine*=2.5, dating=2
  `,
  // politics
  '11000000': `
    secretary=1, debate=1, seats=1.5, powers=1, constituency=3, constituencies=3, constituents=3, electorate=3, Speaker=1,
    government*=2.5, govern=2, governing=1.5, minister*=2.5, ministers=3, prime minister*=3, ministry=2, ministerial=3,
    president=1.5, President=2.5, presidential=3, presidency=2.5, election*=3, electoral=3, elect=2, elected=2, re-election=3, re-elected=3,
    vote*=1.5, voter*=3, voting=2, ballot*=2.5, campaign=0.5, campaigning=1, candidate*=2, party=1.5, parties=1.5,
    parliament*=3, parliamentary=3, MP=3, MPs=3, MEP*=3, Commons=2.5, House of Commons=3, House of Lords=3, Lords=1.5,
    peers=2, senate=2.5, senator*=3, Congress=2, congressional=3, congressman=3, congresswoman=3, Democrat*=2.5, Republican*=2.5,
    GOP=3, Labour=2.5, Labour Party=3, Tory=3, Tories=3, Conservative*=2, Conservative Party=3, Lib Dem*=3, Liberal Democrat*=3,
    UKIP=3, UK Independence Party=3, SNP=3, Plaid Cymru=3, Green Party=3, BNP=3, Blair=3, Tony Blair=3, Gordon Brown=2.5,
    Michael Howard=3, Charles Kennedy=3, Prescott=2.5, Jack Straw=3, Blunkett=3, Milburn=2.5, Charles Clarke=3, Oliver Letwin=3,
    Alan Milburn=3, Downing Street=3, No 10=3, Whitehall=2.5, Westminster=2, cabinet=2.5, chancellor=1, Chancellor=1.5,
    home secretary=3, foreign secretary=3, defence secretary=2, secretary of state=2, shadow=1.5, shadow chancellor=3,
    shadow home secretary=3, opposition=2, coalition=1.5, policy=1.5, policies=2, political*=2.5, politics=3, politician*=3,
    diplomat*=2, diplomatic*=2, diplomacy=2.5, embassy=2, embassies=2, ambassador*=2, foreign policy=3, foreign minister*=3,
    foreign affairs=2.5, bilateral=2, summit*=2, talks=1, treaty=2, treaties=2, referendum*=3, constitution*=2,
    constitutional=2.5, legislation=2, legislative=3, legislat*=2.5, bill=0.5, bills=0.5, ~bill=1.5, gambling bill=3, gambling law*=2.5,
    gambling legislation=3, licensing laws=2.5, drinking laws=2.5, act=0.5, law=0.5, laws=0.5,
    asylum=2.5, asylum seekers=3, immigration=2.5, immigrants=1.5, ID card*=3, identity card*=3, council tax=3, manifesto*=3,
    pledge*=1, spin doctor*=3, lobby=1, lobbying=1.5, lobbyist*=2, mayor*=2, council=1, councillor*=3, local election*=3,
    devolution=3, devolved=3, EU=1, European Union=1.5, Brussels=1, European Commission=1.5, European Parliament=3, UN=1,
    United Nations=1.5, Security Council=2, sanctions=1.5, regime=1.5, dictator*=2, reform*=1, welfare=1, public services=2.5,
    taxpayer*=2, tax=0.5, budget=0.5, spending=0.5, public spending=2.5, White House=2.5, Kremlin=2, State Department=2,
    whip=1.5, whips=2, backbench*=3, frontbench*=3, speaker=0.5, baroness=2, lord=1, Lord=1, leader=1, leaders=1,
    leadership=1.5, general election=3, election campaign=3, polls=2, poll=1.5, opinion poll*=3, hunting ban=3, hunt ban=3,
    anti-terror*=1.5, civil liberties=3, human rights=2, freedom of information=3, inquiry=1.5, Iraq=1, governor*=1.5,
    state=0.5, states=0.5, federal=1.5, statesman=3, prime ministerial=3, premier=1, Premier=1, chief minister=3,
    head of state=3, heads of state=3, call with=1, phone call=0, spoke with=0.5, readout=2, relations=1.5, ties=0.5,
    bilateral ties=3, diplomatic relations=3, geopolitic*=2, tension*=1, tensions between=1.5, self-governing=1.5, self-governing island=2,
    landslide victory=2, landslide win=2, rebel MPs=3, Labour rebels=3, international environment=1, political environment=2,
    state visit=3, visit to=1, sovereignty=2.5, territory=1.5, independence=1.5,
    nationalist*=2, separatist*=2, protest*=0.5, activist*=1, campaigners=1, rights=1, citizens=1.5, citizenship=2,
    democracy=3, democratic=2.5, dissident*=2.5, authoritarian=2.5, Communist Party=3, socialist*=2.5, Liberal*=1.5,
    left-wing=2.5, right-wing=2.5, mandate=2, impeach*=3, veto=2.5, cabinet minister*=3, junior minister=3, deputy prime minister=3,
    civil servant*=2.5, civil service=2.5, quango*=3, think tank*=1.5, Conservatives=2.5
  `,
  // religion
  '12000000': `
    church*=2.5, religion*=3, religious=3, Muslim*=2.5, Islam=3, Islamic=2, Christian*=2.5, Christianity=3, Catholic*=2.5,
    pope=3, Pope=3, Vatican=3, bishop*=2.5, archbishop*=3, Archbishop of Canterbury=3, mosque*=3, temple*=1.5, synagogue*=3,
    Jewish=2, Jews=2.5, Judaism=3, Hindu*=2.5, Sikh*=2.5, Buddhist*=2.5, faith=2, faiths=2.5, God=1.5, prayer*=2.5, pray*=1.5,
    clergy=3, priest*=3, imam*=3, rabbi*=3, blasphem*=3, Ramadan=3, Eid=2.5, Easter=0.5, Christmas=0.3, worship*=2.5, spiritual=2,
    theolog*=3, Bible=3, Koran=3, Quran=3, Anglican*=3, Protestant*=2.5, evangelical=2.5, secular=2, cleric*=3
  `,
  // science and technology
  '13000000': `
    video=1.5, access=1, site=1.5, sites=1.5, systems=1, system=0.5, content=1, machine*=1.5, search=1.5, messages=1.5, message=1,
    program=2, programs=2, file=1, files=1.5, connection*=1.5, tools=1, portable=2, images=1, text=1, speeds=1.5, speed=0.5, versions=1.5,
    version=1, handheld*=3, malicious=2, BT=1.5, operators=1.5, upgrade*=1, developer*=1.5, designed=0.5, pirated=2, piracy=1.5,
    technology=2.5, technologies=2.5, technological=2.5, tech=2, hi-tech=3, high-tech=3, technical=1, software=3, hardware=2.5,
    computer*=2.5, computing=3, PC=2.5, PCs=3, laptop*=3, desktop*=2, internet=2.5, online=2, web=2.5, website*=2.5, web site*=2.5,
    net=1, the net=2, net users=3, broadband=3, wireless=3, wi-fi=3, wifi=3, mobile=2, mobiles=3, mobile phone*=3, phone=1,
    phones=2, handset*=3, smartphone*=3, gadget*=3, device*=2, digital=2, electronic*=2, e-mail*=2.5, email*=2.5, spam*=3,
    spammer*=3, computer virus*=3, virus=1.5, viruses=2, worm=1, malware=3, spyware=3, adware=3, phishing=3, hacker*=3,
    hacking=3, hacked=2.5, cyber*=2.5, security flaw*=3, firewall*=3, users=2, user=2, download*=2.5, downloading=3,
    file-sharing=3, file sharing=3, file-swapping=3, peer-to-peer=3, P2P=3, search engine*=3, blog*=3, blogger*=3, podcast*=3,
    Microsoft=2.5, Apple=2, Google=2, Yahoo=2, eBay=2, Amazon=1, IBM=2.5, Intel=3, AMD=3, Sony=1.5, Nintendo=3, PlayStation*=3,
    Xbox=3, PSP=3, Sega=3, console=3, consoles=3, games console=3, consoles=3, gaming=2.5, gamer*=3, video game*=3, videogame*=3,
    computer game*=3,
    game=0.3, games=0.3, games maker*=3, iPod*=3, iTunes=3, MP3=3, Napster=3, Kazaa=3, BitTorrent=3, Linux=3, Windows=2,
    Firefox=3, Mozilla=3, open source=3, open-source=3, browser*=3, DVD*=1.5, DVD player*=3, high-definition=2.5, HDTV=3,
    chip=1.5, chips=1.5, chipmaker*=3, processor*=3, semiconductor*=3, microchip*=3, robot*=3, robotic*=3,
    artificial intelligence=3, AI=2, science=2.5, sciences=2, scientist*=2.5, scientific=2.5, research=1.5, researcher*=2,
    study=0.5, experiment*=2, laboratory=2, lab=1.5, NASA=3, space=0.5, spacecraft=3, probe=1, satellite*=2.5, telescope*=3,
    astronomer*=3, planet*=2, physics=3, physicist*=3, biology=3, chemistry=3, genetic*=2, gene=1.5, genes=1.5, DNA=2, genome=3,
    nanotech*=3, telecoms=2, telecommunication*=2.5, mobile operator*=3, network*=1.5, bandwidth=3, data=1.5, database*=2.5,
    digital music=2.5, music download*=2, online music=3, encryption=3, programmer*=3, programming=1, code=1, virtual=2,
    innovation*=1.5, inventor*=2, invention*=2, patent*=1.5, camera phone*=3, camera*=1, cameraphone*=3, megapixel*=3, pixel*=2,
    screen*=0.5, VoIP=3, net telephony=3, text message*=2.5, texting=3, SMS=3, 3G=3, Bluetooth=3, GPS=2.5, RFID=3, USB=3,
    gigabyte*=3, megabyte*=3, terabyte*=3, memory=1, storage=1, app=1.5, apps=2, Silicon Valley=3, dotcom=3, dot-com=3,
    e-commerce=2.5, ecommerce=2.5, technology firm*=3, tech firm*=3, tech giant*=3, interactive=2, multimedia=2.5, Skype=3,
    TiVo=3, digital TV=3, digital television=3, set-top box*=3, media player*=3, music player*=3, digital video recorder*=3,
    PVR=3, digital film*=2.5, digital cinema*=3, digital screen*=3, digital music=2.5, digital tv=3, digital radio=3,
    digital camera*=3, digital video=3, digital content=2.5, interactive tv=3, interactive television=3, online game*=3,
    online video=3, web video=3, mobile tv=3, mobile game*=3, hd dvd=3, HD-DVD=3, Blu-ray=3, high-definition tv=3,
    high-definition television=3, video-on-demand=3, video on demand=3, on-demand=2, Wikipedia=3, instant messaging=3, chatroom*=3,
    chat room*=3, web page*=3, webpage*=3, online shopping=2,
    engineers=1.5, engineering=2, robotics=3, research and development=2, R&D=2, Bill Gates=2.5, Steve Jobs=2.5, Macintosh=3,
    Mac=1.5, operating system*=3, Symbian=3, BlackBerry=3, Nokia=2.5, Motorola=2.5, Samsung=2, Ofcom=1.5
  `,
  // society
  '14000000': `
    immigration=1.5, immigrant*=2, refugee*=1.5, asylum seekers=2, migrant*=2, poverty=2.5, poor=1, homeless*=3, welfare=2,
    benefits=1, discrimination=2.5, racism=3, racist=2.5, racial=2, gay=2.5, gay marriage=3, same-sex=3, homosexual*=2.5,
    equality=2, gender=2, women's rights=3, disabled=2, disability=2, disabilities=2, pensioners=2, elderly=2, children=0.5,
    child=0.5, family=1, families=1, marriage=1.5, divorce=2, charity=2, charities=2, volunteer*=1.5, community=1,
    communities=1.5, social=1, society=1.5, census=2.5, population=1.5, demographic*=2.5, housing=1, youth=1, teenager*=1.5,
    young people=1.5, anti-social behaviour=2, child care=2, childcare=2, ageing=2, social exclusion=3, inequality=2.5,
    race relations=3, ethnic=2, ethnic minorit*=3, multicultural*=3, integration=1.5
  `,
  // sport
  '15000000': `
    sport=2.5, sports=2.5, sporting=2.5, sportsman=3, sportsmen=3, sportswoman=3, football*=3, footballer*=3, soccer=3,
    rugby=3, tennis=3, cricket*=3, golf*=3, athletics=3, athlete*=3, Olympic*=3, olympic*=3, boxing=3, boxer*=3, snooker=3,
    cycling=2, cyclist*=2.5, swimming=2, swimmer*=3, marathon*=2.5, sprint*=2.5, hurdle*=3, Formula One=3, F1=3, grand prix=3,
    motor racing=3, horse racing=3, racing=1.5, jockey*=3, racecourse=3, trainer=1, match=2, matches=2, match-winning=3,
    player=1.5, players=1.5, team=1, teams=1.5, team-mate*=3, coach=2.5, coaches=1.5, coaching=2, manager=0.5, squad*=3,
    captain*=2, captaincy=3, skipper=3, striker*=3, midfielder*=3, midfield=3, defender*=3, goalkeeper*=3, keeper=2, goal=1.5,
    goals=2, scored=2.5, scoring=2, score=1, scorer*=3, goalscorer*=3, penalty=1.5, penalties=1.5, referee*=3, win=1, won=1,
    wins=1.5, winning=1, victory=1, victories=1.5, defeat*=1.5, beat=1, beaten=1.5, draw=1, drew=1.5, drawn=1, unbeaten=3,
    title=0.5, champion=2.5, champions=2.5, championship*=2.5, Champions League=3, Premiership=3, Premier League=3, league=2,
    leagues=2, league title=3, cup=1.5, FA Cup=3, World Cup=3, Carling Cup=3, League Cup=3, Uefa=3, Fifa=3, FA=2, IAAF=3,
    IRB=3, ICC=2, division=1, season=1.5, seasons=1.5, fixture*=3, tournament*=2.5, final=1, finals=1.5, semi-final*=3,
    semi final*=3, quarter-final*=3, quarter final*=3, last 16=3, knockout=1.5, top seed=3, seeded=3, seed=1, grand slam=3,
    Grand Slam=3, serve=1, ace=1, aces=1.5, Wimbledon=3, Australian Open=3, US Open=3, French Open=3, Davis Cup=3, Ryder Cup=3,
    Six Nations=3, Heineken Cup=3, Tri-Nations=3, test match*=3, Test=1.5, innings=3, wicket*=3, batsman=3, batsmen=3,
    bowler*=3, bowling=2, Ashes=2, one-day=2, relay=2, medal*=3, medallist*=3, gold medal*=3, silver medal*=3, bronze medal*=3,
    world record=2, world champion*=3, Olympic champion=3, European champion*=3, indoor=1.5, indoors=0, stadium*=2.5, ground=0.5,
    pitch=1.5, fans=1, supporters=1.5, club=1.5, clubs=1.5, transfer=1, transfers=1.5, transfer fee*=3, transfer window=3, signing=1.5,
    on loan=3,
    injury=2.5, injured=0.5, hamstring=3, ankle=2.5, knee=2, groin=3, fitness=1.5, training=1, debut=1, caps=2, cap=1,
    international=0.5, doping=3, drugs test*=3, drug test*=3, nandrolone=3, banned=0.5, relegation=3, relegated=3,
    promotion=0.5, play-off*=3, playoff*=3, kick-off=3, half-time=3, half time=3, first half=3, second half=3, extra time=3,
    injury time=3, stoppage time=3, tries=2, scored a try=3, try line=3, try-line=3, scrum*=3, fly-half=3, flanker=3,
    winger=3, full-back=3, lock=0, prop=0.5, hooker=1.5, Lions=1.5, British and Irish Lions=3, All Blacks=3, Wallabies=3,
    Springboks=3, opponent*=2, rival*=0.5, hat-trick=3, hat trick=3, equaliser=3, equalizer=3, header=2.5, free-kick*=3,
    free kick*=3, shoot-out=3, tackle=0.5, tackles=1.5, tackled=1, red card=3, yellow card=3, sent off=3, sending-off=3, booked=0, race=1,
    races=1.5,
    runner*=2, lap=2.5, laps=2.5, podium=3, triathlon=3, heptathlon=3, decathlon=3, pole vault=3, long jump=3, triple jump=3, high jump=3,
    100m=3, 200m=3, 400m=3, 800m=3, 1500m=3, 5000m=3, 10000m=3, 60m=3, personal best=3, season's best=3, championships=2.5,
    defending champion=3, second round=2.5, third round=2.5, first round=2, fourth round=3, round=0.5, sets=1,
    set=0, straight sets=3, tie-break=3, tiebreak=3, break point*=3, match point=3, baseline=3, backhand=3, forehand=3,
    volley=2.5, golfer*=3, birdie*=3, par=1, fairway=3, caddie=3, PGA=3, Ryder=2, rower*=3, rowing=3, sailing=2, skiing=2.5,
    skier*=3, ice hockey=3, NFL=3, NBA=3, baseball=3, basketball=3, Super Bowl=3, world title=3, unbeaten run=3, winning streak=3,
    table=0.5, league table=3, top of the table=3, bottom of the table=3, points clear=3, Chelsea=2.5, Arsenal=2.5,
    Liverpool=1, Manchester United=3, Man Utd=3, Man United=3, Manchester City=3, Man City=3, Everton=3, Tottenham=3, Spurs=2,
    Newcastle=1, Celtic=2.5, Rangers=2, Real Madrid=3, Barcelona=1, Juventus=3, AC Milan=3, Inter Milan=3, Bayern Munich=3,
    Leeds=1, Blackburn=1.5, Bolton=1.5, Fulham=3, Southampton=2, Aston Villa=3, West Brom=3, Crystal Palace=3, Charlton=2.5,
    Middlesbrough=2.5, Portsmouth=1.5, Norwich=1, Wigan=2, Sunderland=1.5, Millwall=3, Hearts=1.5, Hibernian=3, Hibs=3,
    Aberdeen=1, Saracens=3, Wasps=3, Harlequins=3, Leicester Tigers=3, Gloucester=1, Bath=0.5, Northampton=1, Sale Sharks=3,
    Ospreys=3, Munster=2.5, Leinster=2.5, Ulster=0.5, Llanelli Scarlets=3, Scarlets=3, Cardiff Blues=3, Newport Gwent Dragons=3,
    Borders=0.5
  `,
  // conflict, war and peace
  '16000000': `
    war=2.5, wars=2.5, wartime=3, warfare=3, war of words=0, price war*=0, trade war*=1, military=3, militar*=2.5, army=2.5,
    armies=2.5, troops=3, soldier*=3, armed=2, armed forces=3, arms=2, arms sales=3, arms sale=3, arms package=3, arms deal*=3,
    arms embargo=3, arms race=3, weapon*=2.5, nuclear weapon*=3, weapons of mass destruction=3, missile*=3, attack*=1,
    bomb=2.5, bombs=2.5, bombing*=3, bomber*=2, suicide bomb*=3, car bomb*=3, explosive*=1.5, insurgen*=3, rebel*=1.5,
    militant*=3, militia*=3, terrorist*=2, terrorism=2, terror=1.5, conflict*=2, ceasefire*=3, cease-fire*=3, truce=3,
    peace=1.5, peace talks=3, peace process=3, peace deal=3, peacekeep*=3, invasion=2.5, invade*=2.5, occupation=1.5,
    occupied=1.5, fighting=1, fighters=1.5, battle=0.5, battlefield=3, combat=2.5, killed=1, killing*=1, civilian*=2.5,
    casualties=1.5, war crimes=3, genocide=3, atrocit*=3, massacre*=3, defence=0.5, defense=0.5, defence ministry=3,
    defence secretary=2, defence minister=3, defense secretary=2, navy=3, naval=3, air force=3, warship*=3, warplane*=3,
    fighter jet*=3, tank=0.5, tanks=1, tension*=1, unrest=2.5, crackdown*=2, protester*=2, protestor*=2, protests=1.5,
    riot*=2, clashes=2, clashed=2, violence=1.5, hostage*=3, kidnap*=2.5, coup=3, coups=3, NATO=2, Nato=2, Pentagon=2.5, Iraq=1.5,
    Iraqi=1.5, Afghanistan=1.5, Taliban=3, al-Qaeda=3, al Qaeda=3, Hamas=3, Hezbollah=3, Gaza=2, West Bank=2, sanctions=1,
    security forces=3, nuclear=1, nuclear programme=2.5, nuclear program=2.5, weapons inspector*=3, Guantanamo=2,
    prisoners of war=3, strategic=0.5, geopolitic*=0.5, flashpoint*=3, hostilities=3, aggression=2.5, deterrent=2.5, escalat*=1,
    airstrike*=3, air strike*=3, shelling=3, artillery=3, drone strike*=3, offensive=1.5, siege=2.5, refugees=1,
    reunification=0.5, separatist*=1.5, secession=2, territorial=1.5, disputed=1
  `,
  // weather
  '17000000': `
    weather=3, rain=2, rainfall=3, storm*=2, snow=2.5, snowfall*=3, temperature*=2, forecaster*=2.5, Met Office=3, heatwave*=3,
    heat wave*=3, drought=1, wind=1, winds=2, gale*=3, sunshine=2, frost=1.5, frosts=2, fog=2.5, cloud=0.5, clouds=1, hurricane*=1.5,
    tornado*=1.5, monsoon*=3, cold snap=3, showers=1.5, thunderstorm*=3, degrees=1, celsius=2.5, fahrenheit=2.5, blizzard*=3,
    ice=1, icy=2, freezing=1.5, humid*=2, El Nino=3, climate=0.5, weather forecast*=3
  `,
};

/**
 * Narrower IPTC topics (mostly second level) the scorer reports under their top-level subject.
 * Keys are `code|parent` (codes without `medtop:`); labels come from the IPTC taxonomy (see `iptc.ts`).
 */
export const SUBTOPIC_KEYWORDS: Record<string, string> = {
  // arts → movies, music, television, literature
  '20000005|01000000': `film*=3, movie*=3, cinema*=3, box office=3, Oscar*=2, actor*=1.5, actress*=1.5, Hollywood=2, director=1, sequel*=2`,
  '20000018|01000000': `music=2.5, album*=3, singer*=3, song*=3, band=2, concert=2, concerts=2, chart=1.5, charts=1.5, single=1, rapper*=3,
    musician*=3, Grammy=3`,
  '20000051|01000000': `television=3, TV=2, tv show*=3, series=1.5, episode*=2, viewers=2, sitcom*=3, soap*=2, channel=1.5, BBC One=2,
    ITV=2`,
  '20000013|01000000': `novel*=3, book=2, books=2, author=2.5, authors=2.5, writer*=2, poet*=3, poetry=3, literary=3, fiction=2`,
  // crime → crime, judiciary
  '20000082|02000000': `crime*=3, murder*=3, theft=3, robbery=3, fraud=2, police=2, arrest*=2, stolen=2, gang*=2, criminal*=2`,
  '20000106|02000000': `court=3, courts=3, trial=2.5, judge*=2.5, jury=3, lawyer*=2, verdict=3, appeal=1.5, ruling=2, convicted=2`,
  // economy → economy, market and exchange, international trade, agriculture, energy, aerospace, computing industry
  '20000344|04000000': `economy=3, economic=2.5, growth=2, GDP=3, inflation=3, interest rate*=3, recession=3, unemployment=2, deficit=2,
    economist*=2.5`,
  '20000385|04000000': `shares=3, stock market*=3, stock exchange*=3, investor*=2.5, share price*=3, currency=3, dollar=2, bond=2, bonds=2,
    bondholder*=2, Dow Jones=3, FTSE=3, Nasdaq=2`,
  '20000373|04000000': `trade=2.5, export*=3, import=3, imports=3, imported=3, importing=3, tariff*=3, trade deal*=3, trade talks=3,
    free trade=3, WTO=3, trade deficit=3, purchase*=1.5, commercial ties=3, trade disputes=3`,
  '20000210|04000000': `agricultur*=3, farm*=2.5, farmer*=3, soybean*=3, soya=3, crop*=3, grain=3, wheat=3, harvest*=3, livestock=3`,
  '20000256|04000000': `oil=3, gas=2, energy=2.5, crude=3, OPEC=3, barrel*=2.5, petrol=2, fuel=2, electricity=2.5, power station*=2.5,
    energy purchases=3`,
  '20000295|04000000': `aircraft=3, Boeing=3, Airbus=3, aerospace=3, jet*=1.5, aviation=3, airline*=1.5`,
  '20000225|04000000': `software=2, Microsoft=2, Google=2, Apple=1.5, IBM=2, computer*=1.5, internet=1.5, technology firm*=3, tech firm*=3`,
  '20000252|04000000': `retail*=3, retailer*=3, shop*=2, supermarket*=3, consumer*=2, sales=1.5, customers=1.5, brand*=1.5`,
  // labour → unemployment, unions
  '20000509|09000000': `employment=3, jobs=2, job cuts=3, workforce=2, hiring=2, worker*=1.5, staff=1`,
  '20000536|09000000': `trade union*=3, union=2, unions=2.5, strike action=3, on strike=3, walkout*=3, TUC=3`,
  // politics → election, government, international relations, diplomacy, government policy
  '20000574|11000000': `election*=3, vote*=2, voter*=3, ballot*=3, poll=1.5, polls=2, campaign=1.5, candidate*=2.5, manifesto*=3,
    general election=3`,
  '20000593|11000000': `government*=2.5, minister*=2.5, cabinet=3, parliament*=2.5, MPs=2, Commons=2, Downing Street=2.5, legislation=2`,
  '20000638|11000000': `relations=2.5, bilateral=3, ties=1.5, foreign policy=3, summit*=2.5, talks=1.5, ambassador*=2, embassy=2, visit=1,
    United Nations=2`,
  '20000639|11000000': `diplomat*=3, diplomatic*=3, diplomacy=3, call with=2, phone call=2, readout=3, talks=1.5, envoy*=3, state visit=3`,
  '20000621|11000000': `policy=2.5, policies=2.5, reform*=2, plans=1.5, proposals=2, scheme=1.5, legislation=1.5, bill=1`,
  '20000620|11000000': `tax=3, taxes=3, taxation=3, council tax=3, income tax=3, VAT=3, tax cuts=3, taxpayer*=2`,
  // science and technology → IT, scientific research, technology and engineering
  '20000763|13000000': `software=3, computer*=3, internet=2.5, online=2, web=2, broadband=3, mobile=2, digital=2, virus=1, spam=3,
    hacker*=3, download*=2.5, gadget*=2, console=2.5, consoles=2.5`,
  '20000735|13000000': `research=2.5, researcher*=3, scientist*=3, study=1.5, experiment*=3, laboratory=3, university=1`,
  '20000756|13000000': `engineering=3, engineers=2.5, robot*=3, invention=2.5, device*=1.5, technology=1.5`,
  // sport → soccer, rugby union, tennis, cricket, athletics (third level)
  '20001065|15000000': `football*=2, soccer=3, goal=2, goals=2, striker*=3, midfielder*=3, Premiership=3, Premier League=3, FA Cup=3,
    Champions League=3, Uefa=3, Fifa=3, penalty=1.5, Chelsea=2, Arsenal=2, Manchester United=2, goalkeeper*=3`,
  '20001036|15000000': `rugby=3, Six Nations=3, try=1, tries=2.5, scrum*=3, fly-half=3, flanker=3, All Blacks=3, Lions=1.5, Heineken Cup=3`,
  '20001085|15000000': `tennis=3, Wimbledon=3, Australian Open=3, US Open=3, French Open=3, seed=2, seeded=3, straight sets=3,
    grand slam=2, Davis Cup=3, ATP=3, WTA=3`,
  '20000888|15000000': `cricket*=3, wicket*=3, batsman=3, bowler*=3, innings=3, test match*=3, Ashes=3, ICC=3`,
  '20000827|15000000': `athletics=3, athlete*=2, sprint*=2.5, marathon*=3, hurdle*=3, relay=2.5, 100m=3, 200m=3, 400m=3, 800m=3, 1500m=3,
    IAAF=3, indoor=2, indoors=0`,
  // conflict → armed conflict, civil unrest, act of terror, peace process
  '20000056|16000000': `war=3, military=2.5, troops=3, army=2.5, soldier*=3, fighting=2, missile*=2.5, arms=2, arms sales=3,
    arms package=3, weapon*=2.5, invasion=3`,
  '20000065|16000000': `unrest=3, protest*=2.5, protester*=3, protestor*=3, riot*=3, crackdown*=3, clashes=2.5, demonstrat*=2`,
  '20000053|16000000': `terror*=3, terrorist*=3, bomb*=2.5, suicide bomb*=3, al-Qaeda=3, attack*=1.5, hostage*=2.5`,
  '20000073|16000000': `peace talks=3, peace process=3, ceasefire*=3, truce=3, peace deal=3, peace=2`,
};
