/**
 * Typed name lists for the tagger's gazetteer features: world places, nationalities, personal
 * names from many cultures, organisations, titles. Written by hand as general knowledge (not
 * extracted from any corpus); entries are separated by `|`. They are features, not rules: the
 * trained weights decide how much a match counts in context.
 */

export const COUNTRIES =
  'Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|' +
  'Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|' +
  'Bosnia and Herzegovina|Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|' +
  'Cameroon|Canada|Cape Verde|Cabo Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|' +
  "Congo|Costa Rica|Ivory Coast|Cote d'Ivoire|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czech Republic|Czechia|" +
  'Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|' +
  'Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|' +
  'Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|' +
  'Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|' +
  'Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|' +
  'Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|' +
  'Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|' +
  'Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|South Korea|Korea|' +
  'North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|' +
  'Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|Saint Lucia|Samoa|' +
  'San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|' +
  'Solomon Islands|Somalia|Somaliland|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|' +
  'Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Trinidad and Tobago|' +
  'Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|' +
  'UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|' +
  'United States of America|U.S.|US|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Vatican City|' +
  'Venezuela|Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe|Zaire|Soviet Union|USSR|Yugoslavia|Czechoslovakia|' +
  'East Germany|West Germany|Hong Kong|Macau|Macao|Greenland|Puerto Rico|Gaza|West Bank|Tibet|Chechnya|' +
  'Kurdistan|Western Sahara|Mainland China|Persia|Ceylon|Rhodesia|Abyssinia|Siam';

export const CITIES =
  "Beijing|Shanghai|Guangzhou|Shenzhen|Wuhan|Chengdu|Chongqing|Tianjin|Hangzhou|Nanjing|Xi'an|Harbin|" +
  'Shenyang|Dalian|Qingdao|Xiamen|Kunming|Lhasa|Urumqi|Changsha|Zhengzhou|Jinan|Fuzhou|Suzhou|Hefei|' +
  'Nanning|Taipei|Kaohsiung|Taichung|Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Hiroshima|Nagasaki|Sapporo|' +
  'Fukuoka|Kobe|Okinawa|Seoul|Busan|Pyongyang|Incheon|Ulaanbaatar|Hanoi|Ho Chi Minh City|Saigon|' +
  'Bangkok|Phnom Penh|Vientiane|Yangon|Rangoon|Naypyidaw|Kuala Lumpur|Jakarta|Surabaya|Bali|Manila|' +
  'Quezon City|Davao|Singapore|Dhaka|Chittagong|Kathmandu|Colombo|Thimphu|Male|New Delhi|Delhi|Mumbai|' +
  'Bombay|Kolkata|Calcutta|Chennai|Madras|Bengaluru|Bangalore|Hyderabad|Ahmedabad|Pune|Jaipur|Lucknow|' +
  'Kanpur|Patna|Srinagar|Amritsar|Chandigarh|Bhopal|Kochi|Goa|Varanasi|Agra|Islamabad|Karachi|Lahore|' +
  'Peshawar|Quetta|Rawalpindi|Multan|Faisalabad|Kabul|Kandahar|Herat|Mazar-i-Sharif|Jalalabad|Tehran|' +
  'Mashhad|Isfahan|Tabriz|Shiraz|Qom|Baghdad|Basra|Mosul|Erbil|Kirkuk|Falluja|Fallujah|Ramadi|Najaf|' +
  'Karbala|Tikrit|Damascus|Aleppo|Homs|Idlib|Raqqa|Deir ez-Zor|Latakia|Beirut|Tripoli|Sidon|Tyre|Amman|' +
  'Jerusalem|Tel Aviv|Haifa|Gaza City|Rafah|Khan Younis|Ramallah|Hebron|Nablus|Jenin|Bethlehem|Riyadh|' +
  'Jeddah|Mecca|Makkah|Medina|Dammam|Doha|Dubai|Abu Dhabi|Sharjah|Muscat|Manama|Kuwait City|Sanaa|' +
  "Sana'a|Aden|Hodeidah|Cairo|Alexandria|Giza|Luxor|Port Said|Suez|Sharm el-Sheikh|Khartoum|Omdurman|" +
  'Darfur|Juba|Addis Ababa|Asmara|Mogadishu|Hargeisa|Djibouti|Nairobi|Mombasa|Kisumu|Kampala|Kigali|' +
  'Bujumbura|Dar es Salaam|Dodoma|Zanzibar|Lusaka|Harare|Bulawayo|Lilongwe|Maputo|Gaborone|Windhoek|' +
  'Pretoria|Johannesburg|Cape Town|Durban|Soweto|Port Elizabeth|Maseru|Mbabane|Antananarivo|Port Louis|' +
  "Luanda|Kinshasa|Lubumbashi|Goma|Brazzaville|Bangui|Yaounde|Douala|Libreville|Malabo|N'Djamena|" +
  'Niamey|Abuja|Lagos|Kano|Ibadan|Port Harcourt|Kaduna|Maiduguri|Accra|Kumasi|Lome|Cotonou|Porto-Novo|' +
  'Ouagadougou|Bamako|Timbuktu|Dakar|Banjul|Bissau|Conakry|Freetown|Monrovia|Abidjan|Yamoussoukro|' +
  'Nouakchott|Rabat|Casablanca|Marrakesh|Marrakech|Tangier|Fez|Algiers|Oran|Tunis|Benghazi|Misrata|' +
  'Istanbul|Ankara|Izmir|Antalya|Diyarbakir|Baku|Tbilisi|Yerevan|Tashkent|Samarkand|Astana|Almaty|' +
  'Bishkek|Dushanbe|Ashgabat|Moscow|St Petersburg|Saint Petersburg|St. Petersburg|Leningrad|' +
  'Novosibirsk|Yekaterinburg|Kazan|Vladivostok|Sochi|Grozny|Volgograd|Kaliningrad|Murmansk|Kyiv|Kiev|' +
  'Kharkiv|Kharkov|Odesa|Odessa|Lviv|Dnipro|Donetsk|Luhansk|Mariupol|Zaporizhzhia|Kherson|Bakhmut|' +
  'Sevastopol|Minsk|Chisinau|Warsaw|Krakow|Gdansk|Wroclaw|Prague|Bratislava|Budapest|Vienna|Salzburg|' +
  'Bucharest|Sofia|Belgrade|Zagreb|Ljubljana|Sarajevo|Podgorica|Pristina|Skopje|Tirana|Athens|' +
  'Thessaloniki|Nicosia|Valletta|Rome|Milan|Naples|Turin|Florence|Venice|Genoa|Bologna|Palermo|Madrid|' +
  'Barcelona|Valencia|Seville|Bilbao|Malaga|Lisbon|Porto|Paris|Marseille|Lyon|Toulouse|Nice|Strasbourg|' +
  'Bordeaux|Lille|Nantes|Brussels|Antwerp|Bruges|Amsterdam|The Hague|Rotterdam|Utrecht|Luxembourg|' +
  'Berlin|Hamburg|Munich|Frankfurt|Cologne|Bonn|Stuttgart|Dusseldorf|Düsseldorf|Dresden|Leipzig|' +
  'Hanover|Bremen|Nuremberg|Zurich|Zürich|Geneva|Bern|Berne|Basel|Lausanne|Davos|Copenhagen|Oslo|' +
  'Stockholm|Gothenburg|Helsinki|Reykjavik|Tallinn|Riga|Vilnius|Dublin|Belfast|Cork|London|Manchester|' +
  'Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Bristol|Sheffield|Newcastle|Nottingham|Oxford|' +
  'Cambridge|Brighton|Southampton|Aberdeen|Washington|New York|New York City|Los Angeles|Chicago|' +
  'Houston|Philadelphia|Phoenix|San Antonio|San Diego|Dallas|San Francisco|San Jose|Austin|Seattle|' +
  'Boston|Miami|Atlanta|Denver|Detroit|Minneapolis|St. Louis|St Louis|Baltimore|Pittsburgh|Cleveland|' +
  'Cincinnati|Milwaukee|Kansas City|Las Vegas|Portland|Sacramento|Nashville|Memphis|New Orleans|' +
  'Orlando|Tampa|Charlotte|Indianapolis|Columbus|Salt Lake City|Honolulu|Anchorage|Albuquerque|' +
  'Oklahoma City|Richmond|Buffalo|Palm Beach|Mar-a-Lago|Silicon Valley|Hollywood|Brooklyn|Manhattan|' +
  'Queens|the Bronx|Harlem|Toronto|Montreal|Vancouver|Ottawa|Calgary|Edmonton|Quebec City|Winnipeg|' +
  'Halifax|Mexico City|Guadalajara|Monterrey|Tijuana|Cancun|Havana|Kingston|Port-au-Prince|' +
  'Santo Domingo|San Juan|Guatemala City|San Salvador|Tegucigalpa|Managua|San Jose|Panama City|Bogota|' +
  'Bogotá|Medellin|Medellín|Cali|Caracas|Maracaibo|Quito|Guayaquil|Lima|La Paz|Santa Cruz|Santiago|' +
  'Valparaiso|Buenos Aires|Cordoba|Rosario|Montevideo|Asuncion|Asunción|Brasilia|Brasília|' +
  'Rio de Janeiro|Sao Paulo|São Paulo|Salvador|Belo Horizonte|Recife|Porto Alegre|Manaus|Sydney|' +
  'Melbourne|Brisbane|Perth|Adelaide|Canberra|Darwin|Hobart|Auckland|Wellington|Christchurch|' +
  "Port Moresby|Suva|Apia|Nuku'alofa|Honiara|Hong Kong|Macau|Kowloon|Wuhan|Xinjiang|Ningbo|Shantou|" +
  'Dongguan|Foshan|Zhuhai|Sanya|Hainan|Mandalay|Chiang Mai|Phuket|Penang|Cebu|Yogyakarta|Medan|Bandung|' +
  'Lahore|Gwadar|Kandy|Jaffna|Pokhara|Sylhet|Khulna|Mombasa|Eldoret|Nakuru|Arusha|Mwanza|Gulu|Goma|' +
  'Bukavu|Beni|Tigray|Mekelle|Gondar|Bahir Dar|Kassala|Port Sudan|El Fasher|Nyala|Kharga|Aswan|Sinai';

export const REGIONS =
  'Africa|Asia|Europe|North America|South America|Latin America|Central America|Oceania|Antarctica|' +
  'Arctic|Eurasia|Middle East|Near East|Far East|East Asia|South Asia|Southeast Asia|South-East Asia|' +
  'Central Asia|West Asia|Western Europe|Eastern Europe|Central Europe|Northern Europe|Southern Europe|' +
  'the Balkans|Balkans|Scandinavia|Nordic|Baltic|Baltics|Caucasus|North Caucasus|Maghreb|Sahel|Sahara|' +
  'Horn of Africa|East Africa|West Africa|North Africa|Southern Africa|Central Africa|' +
  'Sub-Saharan Africa|Caribbean|Gulf|Persian Gulf|Arabian Gulf|Gulf of Mexico|Gulf of Aden|Red Sea|' +
  'Black Sea|Caspian Sea|Mediterranean|Mediterranean Sea|Adriatic|Aegean|North Sea|Baltic Sea|' +
  'South China Sea|East China Sea|Yellow Sea|Sea of Japan|Taiwan Strait|Strait of Hormuz|Hormuz|' +
  'Bab el-Mandeb|Suez Canal|Panama Canal|Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|' +
  'Arctic Ocean|Indo-Pacific|Asia-Pacific|Himalayas|Himalaya|Alps|Andes|Rockies|Urals|Amazon|Nile|' +
  'Yangtze|Yellow River|Mekong|Ganges|Indus|Euphrates|Tigris|Danube|Rhine|Thames|Volga|Dnieper|' +
  'Mississippi|Jordan River|Golan|Golan Heights|Sinai|Negev|Gaza Strip|West Bank|East Jerusalem|Crimea|' +
  'Donbas|Donbass|Kursk|Belgorod|Zaporizhzhia|Kashmir|Jammu|Ladakh|Punjab|Sindh|Balochistan|' +
  'Baluchistan|Khyber Pakhtunkhwa|Waziristan|Helmand|Kandahar|Xinjiang|Tibet|Inner Mongolia|Guangdong|' +
  'Guangxi|Fujian|Zhejiang|Jiangsu|Shandong|Hubei|Hunan|Henan|Hebei|Sichuan|Yunnan|Guizhou|Shaanxi|' +
  'Shanxi|Gansu|Qinghai|Ningxia|Heilongjiang|Jilin|Liaoning|Anhui|Jiangxi|Hainan|Kerala|Tamil Nadu|' +
  'Karnataka|Maharashtra|Gujarat|Rajasthan|Uttar Pradesh|Bihar|West Bengal|Assam|Manipur|Odisha|' +
  'Telangana|Andhra Pradesh|Madhya Pradesh|Haryana|Uttarakhand|Himachal Pradesh|Jharkhand|Chhattisgarh|' +
  'Kurdistan|Darfur|Kordofan|Tigray|Amhara|Oromia|Ogaden|Cabo Delgado|Borno|Niger Delta|Biafra|Katanga|' +
  'Kivu|North Kivu|South Kivu|Ituri|Rakhine|Shan|Kachin|Mindanao|Aceh|Papua|Borneo|Sumatra|Java|Sabah|' +
  'Sarawak|Patagonia|Siberia|Chechnya|Dagestan|Abkhazia|South Ossetia|Transnistria|Nagorno-Karabakh|' +
  'Karabakh|Catalonia|Basque Country|Andalusia|Galicia|Bavaria|Saxony|Brittany|Normandy|Provence|' +
  'Corsica|Sicily|Sardinia|Tuscany|Lombardy|Flanders|Wallonia|Yorkshire|Lancashire|Kent|Essex|Surrey|' +
  'Sussex|Cornwall|Devon|Cumbria|Ulster|Alabama|Alaska|Arizona|Arkansas|California|Colorado|' +
  'Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|' +
  'Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|' +
  'New Hampshire|New Jersey|New Mexico|New York State|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|' +
  'Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|' +
  'West Virginia|Wisconsin|Wyoming|Washington State|District of Columbia|Midwest|New England|' +
  'Appalachia|Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|' +
  'Newfoundland|Yukon|Nunavut|Queensland|New South Wales|Victoria|Tasmania|Western Australia|' +
  'South Australia|Northern Territory|Lapland|Anatolia|Kurdish region|Levant|Mesopotamia|' +
  'Arabian Peninsula|Korean Peninsula|Iberian Peninsula|Scandinavian Peninsula|Pearl River Delta|' +
  'Greater Bay Area|Hong Kong Island|Taiwan Strait|Spratly Islands|Paracel Islands|Senkaku Islands|' +
  'Diaoyu Islands|Falklands|Falkland Islands|Canary Islands|Balearic Islands|Channel Islands|Galapagos';

export const DEMONYMS =
  'Afghan|Albanian|Algerian|American|Andorran|Angolan|Argentine|Argentinian|Armenian|Australian|' +
  'Austrian|Azerbaijani|Azeri|Bahraini|Bangladeshi|Barbadian|Belarusian|Belgian|Belizean|Beninese|' +
  'Bhutanese|Bolivian|Bosnian|Botswanan|Brazilian|British|Briton|Bruneian|Bulgarian|Burkinabe|Burmese|' +
  'Burundian|Cambodian|Cameroonian|Canadian|Chadian|Chilean|Chinese|Colombian|Congolese|Costa Rican|' +
  'Croatian|Croat|Cuban|Cypriot|Czech|Danish|Dane|Djiboutian|Dominican|Dutch|Ecuadorian|Egyptian|' +
  'Emirati|English|Equatoguinean|Eritrean|Estonian|Ethiopian|Fijian|Filipino|Finnish|Finn|French|' +
  'Gabonese|Gambian|Georgian|German|Ghanaian|Greek|Guatemalan|Guinean|Guyanese|Haitian|Honduran|' +
  'Hungarian|Icelandic|Indian|Indonesian|Iranian|Persian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|' +
  'Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovar|Kuwaiti|Kyrgyz|Lao|Laotian|Latvian|Lebanese|' +
  'Liberian|Libyan|Lithuanian|Luxembourgish|Macedonian|Malagasy|Malawian|Malaysian|Maldivian|Malian|' +
  'Maltese|Mauritanian|Mauritian|Mexican|Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|' +
  'Nepali|Nepalese|New Zealander|Nicaraguan|Nigerien|Nigerian|North Korean|South Korean|Norwegian|' +
  'Omani|Pakistani|Palestinian|Panamanian|Paraguayan|Peruvian|Polish|Pole|Portuguese|Qatari|Romanian|' +
  'Russian|Rwandan|Salvadoran|Samoan|Saudi|Scottish|Scot|Senegalese|Serbian|Serb|Sierra Leonean|' +
  'Singaporean|Slovak|Slovenian|Slovene|Somali|South African|South Sudanese|Spanish|Spaniard|' +
  'Sri Lankan|Sudanese|Surinamese|Swedish|Swede|Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Togolese|' +
  'Tongan|Trinidadian|Tunisian|Turkish|Turk|Turkmen|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|' +
  'Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|Soviet|Yugoslav|European|Asian|African|Arab|Arabian|' +
  'Latin American|Latino|Latina|Hispanic|Caribbean|Scandinavian|Nordic|Baltic|Balkan|Slavic|Western|' +
  'Eastern|Middle Eastern|Gulf|Sub-Saharan|Pacific|Atlantic|Mediterranean|Anglo|Celtic|Kurdish|Kurd|' +
  'Tibetan|Uighur|Uyghur|Han|Hui|Manchu|Cantonese|Mandarin|Hong Konger|Pashtun|Tajik|Hazara|Baloch|' +
  'Punjabi|Sindhi|Bengali|Tamil|Telugu|Gujarati|Marathi|Kashmiri|Sikh|Hindu|Muslim|Christian|Catholic|' +
  "Protestant|Evangelical|Orthodox|Jewish|Jew|Buddhist|Islamic|Sunni|Shia|Shi'ite|Shiite|Alawite|Druze|" +
  'Maronite|Coptic|Copt|Yazidi|Rohingya|Hutu|Tutsi|Zulu|Xhosa|Yoruba|Igbo|Hausa|Fulani|Amhara|Oromo|' +
  'Tigrayan|Somali|Berber|Amazigh|Bedouin|Maori|Aboriginal|Inuit|Romany|Roma|Sephardic|Ashkenazi|' +
  'Zionist|Bolshevik|Marxist|Communist|Maoist|Gaullist|Republican|Democrat|Democratic|Labour|Tory|' +
  'Conservative|Liberal|Socialist|Nazi|neo-Nazi|Fascist|Taliban';

export const FIRST_NAMES =
  'James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|Matthew|' +
  'Anthony|Mark|Donald|Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|Timothy|Ronald|Edward|' +
  'Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|Justin|Scott|Brandon|Benjamin|' +
  'Samuel|Gregory|Alexander|Frank|Patrick|Raymond|Jack|Dennis|Jerry|Tyler|Aaron|Jose|Adam|Nathan|Henry|' +
  'Douglas|Zachary|Peter|Kyle|Ethan|Walter|Noah|Jeremy|Christian|Keith|Roger|Terry|Gerald|Harold|Sean|' +
  'Austin|Carl|Arthur|Lawrence|Dylan|Jesse|Jordan|Bryan|Billy|Joe|Bruce|Gabriel|Logan|Albert|Willie|' +
  'Alan|Juan|Wayne|Elijah|Randy|Roy|Vincent|Ralph|Eugene|Russell|Bobby|Mason|Philip|Louis|Bill|Bob|Jim|' +
  'Tom|Tony|Mike|Dave|Steve|Chris|Nick|Rob|Ted|Ben|Sam|Tim|Matt|Dan|Jeff|Greg|Ken|Ron|Ed|Al|Hillary|' +
  'Barack|Jimmy|Ronald|Gerald|Lyndon|Dwight|Franklin|Woodrow|Abraham|Winston|Margaret|Tony|Gordon|' +
  'Boris|Rishi|Keir|Liz|Theresa|Nigel|Jeremy|Ed|Nicola|Humza|Mary|Patricia|Jennifer|Linda|Elizabeth|' +
  'Barbara|Susan|Jessica|Sarah|Karen|Lisa|Nancy|Betty|Margaret|Sandra|Ashley|Kimberly|Emily|Donna|' +
  'Michelle|Carol|Amanda|Dorothy|Melissa|Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|Amy|' +
  'Angela|Shirley|Anna|Brenda|Pamela|Emma|Nicole|Helen|Samantha|Katherine|Christine|Debra|Rachel|' +
  'Carolyn|Janet|Catherine|Maria|Heather|Diane|Ruth|Julie|Olivia|Joyce|Virginia|Victoria|Kelly|Lauren|' +
  'Christina|Joan|Evelyn|Judith|Megan|Andrea|Cheryl|Hannah|Jacqueline|Martha|Gloria|Teresa|Ann|Sara|' +
  'Madison|Frances|Kathryn|Janice|Jean|Abigail|Alice|Judy|Sophia|Grace|Denise|Amber|Doris|Marilyn|' +
  'Danielle|Beverly|Isabella|Theresa|Diana|Natalie|Brittany|Charlotte|Marie|Kayla|Alexis|Lori|Kamala|' +
  'Nikki|Ivanka|Melania|Jill|Michelle|Oprah|Taylor|Kate|Meghan|Harry|Charles|Camilla|Anne|Andrew|' +
  'Sophie|Louise|Claire|Fiona|Kirsty|Siobhan|Aoife|Niamh|Sinead|Ciaran|Padraig|Seamus|Liam|Declan|' +
  'Eamon|Fergus|Hamish|Callum|Rhys|Gareth|Owen|Dafydd|Jean|Pierre|Jacques|Michel|Philippe|Francois|' +
  'François|Emmanuel|Nicolas|Laurent|Olivier|Christophe|Marine|Ségolène|Segolene|Valérie|Valerie|' +
  'Brigitte|Sylvie|Isabelle|Nathalie|Catherine|Hans|Klaus|Jürgen|Jurgen|Wolfgang|Helmut|Gerhard|Angela|' +
  'Olaf|Friedrich|Frank-Walter|Annalena|Ursula|Karl|Heinz|Dieter|Uwe|Stefan|Markus|Matthias|Andreas|' +
  'Thomas|Sebastian|Lukas|Jonas|Giuseppe|Giovanni|Giorgio|Giorgia|Matteo|Mario|Sergio|Silvio|Romano|' +
  'Paolo|Francesco|Antonio|Marco|Luca|Alessandro|Roberto|Enrico|Carlo|Luigi|Fabio|Massimo|Pedro|Pablo|' +
  'Carlos|Javier|Miguel|Manuel|Luis|Jorge|Alberto|Fernando|Francisco|Alejandro|Diego|Sergio|Rafael|' +
  'Ricardo|Eduardo|Andres|Andrés|Gustavo|Nicolas|Nicolás|Hugo|Evo|Lula|Luiz|Inacio|Inácio|Jair|Dilma|' +
  'Cristina|Mauricio|Claudia|Andres|Vicente|Felipe|Gabriel|Santiago|Sebastian|Mateo|Joao|João|Paulo|' +
  'Marcelo|Rodrigo|Ana|Carmen|Lucia|Lucía|Isabel|Pilar|Dolores|Rosa|Beatriz|Fernanda|Gabriela|Mariana|' +
  'Valentina|Camila|Vladimir|Sergei|Sergey|Dmitry|Dmitri|Alexei|Alexey|Alexander|Mikhail|Boris|Yuri|' +
  'Yury|Igor|Ivan|Nikolai|Nikolay|Andrei|Andrey|Viktor|Oleg|Pavel|Anatoly|Gennady|Yevgeny|Evgeny|' +
  'Ramzan|Leonid|Konstantin|Maxim|Maria|Olga|Natalia|Tatiana|Svetlana|Elena|Yulia|Irina|Anna|Ekaterina|' +
  'Volodymyr|Petro|Viktor|Yulia|Oleksandr|Oleksiy|Dmytro|Andriy|Vitali|Vitaly|Vitaliy|Mykola|Taras|' +
  'Zbigniew|Lech|Andrzej|Jaroslaw|Mateusz|Donald|Radoslaw|Vaclav|Václav|Milos|Viktor|Janos|Aleksandar|' +
  'Slobodan|Franjo|Recep|Tayyip|Ahmet|Mehmet|Mustafa|Kemal|Abdullah|Ekrem|Binali|Hakan|Emre|Murat|' +
  'Mohammed|Muhammad|Mohamed|Mohammad|Mohamad|Ahmed|Ahmad|Ali|Hassan|Hasan|Hussein|Husain|Omar|Umar|' +
  'Khalid|Khaled|Abdul|Abdel|Abdallah|Abdulaziz|Abdelaziz|Abdullahi|Ibrahim|Ismail|Yusuf|Youssef|' +
  'Yousef|Mahmoud|Mahmud|Mustafa|Mostafa|Saleh|Salih|Salman|Faisal|Fahd|Sultan|Hamad|Hamid|Hamza|Tariq|' +
  'Tarek|Karim|Rashid|Rashed|Walid|Nabil|Samir|Said|Saeed|Sami|Fadi|Bashar|Hafez|Hosni|Anwar|Gamal|' +
  'Jamal|Nasser|Naguib|Abdel Fattah|Moammar|Muammar|Saddam|Nouri|Haider|Mustafa|Masoud|Massoud|Hassan|' +
  'Ebrahim|Mahmoud|Akbar|Javad|Mohsen|Qassem|Qasem|Ayman|Osama|Usama|Yahya|Ismail|Khamenei|Nasrallah|' +
  'Fatima|Fatma|Aisha|Ayesha|Amina|Zainab|Mariam|Maryam|Khadija|Layla|Leila|Noor|Nour|Huda|Rania|Rana|' +
  'Samira|Yasmin|Yasmine|Salma|Hanan|Benjamin|Yitzhak|Yair|Benny|Naftali|Isaac|Ehud|Ariel|Shimon|Golda|' +
  'Avigdor|Gideon|Moshe|Yossi|Itamar|Bezalel|Narendra|Rahul|Sonia|Indira|Rajiv|Jawaharlal|Manmohan|' +
  'Atal|Amit|Arvind|Nirmala|Subrahmanyam|Rajnath|Mamata|Yogi|Shashi|Priyanka|Sanjay|Vijay|Ajay|Anil|' +
  'Sunil|Rajesh|Ramesh|Suresh|Mahesh|Ganesh|Dinesh|Mukesh|Rakesh|Ravi|Raj|Rohit|Virat|Sachin|Sourav|' +
  'Sunita|Anita|Kavita|Pooja|Priya|Neha|Deepika|Aishwarya|Shah|Imran|Nawaz|Shehbaz|Shahbaz|Benazir|' +
  'Asif|Bilawal|Maryam|Pervez|Zulfikar|Sheikh|Hasina|Khaleda|Muhammad|Ranil|Gotabaya|Mahinda|Anura|Xi|' +
  'Jinping|Li|Qiang|Keqiang|Peng|Wei|Ming|Hua|Jun|Yi|Lei|Jie|Hui|Ying|Yan|Hong|Jian|Lin|Tao|Bo|Gang|' +
  'Ping|Xiaoping|Zemin|Jintao|Wen|Jiabao|Zedong|Enlai|Yang|Chao|Fang|Jing|Xin|Yu|Zhen|Zhi|Yong|Bin|' +
  'Feng|Long|Hao|Kai|Rui|Xiang|Jiang|Ching-te|Ing-wen|Ma|Ying-jeou|Shinzo|Fumio|Yoshihide|Shigeru|' +
  'Sanae|Junichiro|Taro|Naoto|Yukio|Hiroshi|Takeshi|Kenji|Haruki|Akira|Yuki|Naomi|Shohei|Masayoshi|' +
  'Akio|Kim|Jong-un|Jong-il|Il-sung|Yo-jong|Moon|Jae-in|Suk-yeol|Jae-myung|Geun-hye|Myung-bak|Ban|' +
  'Ki-moon|Ho|Nguyen|Phu|Trong|Thi|Minh|Van|Duc|Hun|Sen|Manet|Prayuth|Srettha|Paetongtarn|Thaksin|' +
  'Yingluck|Joko|Jokowi|Prabowo|Subianto|Megawati|Susilo|Anwar|Mahathir|Najib|Ferdinand|Bongbong|' +
  'Rodrigo|Sara|Gloria|Corazon|Benigno|Aung|San|Suu|Kyi|Min|Hlaing|Nelson|Thabo|Jacob|Cyril|Julius|' +
  'Desmond|Winnie|Jomo|Uhuru|Raila|Mwai|Daniel|William|Ruto|Yoweri|Paul|Felix|Joseph|Laurent|Emmerson|' +
  'Robert|Morgan|Hakainde|Edgar|Kenneth|John|Samia|Jakaya|Julius|Abiy|Meles|Haile|Mengistu|Isaias|' +
  'Hassan|Salva|Riek|Omar|Abdel|Muhammadu|Goodluck|Olusegun|Bola|Atiku|Peter|Nnamdi|Chinua|Wole|' +
  'Chimamanda|Ngozi|Okonjo|Akinwumi|Yemi|Kwame|Kofi|Nana|John|Jerry|Alassane|Laurent|Macky|Bassirou|' +
  'Ousmane|Abdoulaye|Amadou|Mamadou|Moussa|Ibrahima|Cheikh|Boubacar|Idriss|Mahamat|Paul|Denis|Ali|' +
  'Faure|Patrice|Thomas|Blaise|Assimi|Abdourahamane|Kais|Zine|Abdelmadjid|Abdelaziz|Mohammed|Aziz|' +
  'Kagame|Tshisekedi|Museveni|Mnangagwa|Ramaphosa|Zuma|Mbeki|Buhari|Tinubu|Obasanjo';

export const SURNAMES =
  'Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|Gonzalez|' +
  'Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White|Harris|Sanchez|Clark|' +
  'Ramirez|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Torres|Nguyen|Hill|Flores|Green|Adams|' +
  'Nelson|Baker|Hall|Rivera|Campbell|Mitchell|Carter|Roberts|Gomez|Phillips|Evans|Turner|Diaz|Parker|' +
  'Cruz|Edwards|Collins|Reyes|Stewart|Morris|Morales|Murphy|Cook|Rogers|Gutierrez|Ortiz|Morgan|Cooper|' +
  'Peterson|Bailey|Reed|Kelly|Howard|Ramos|Kim|Cox|Ward|Richardson|Watson|Brooks|Chavez|Wood|James|' +
  'Bennett|Gray|Mendoza|Ruiz|Hughes|Price|Alvarez|Castillo|Sanders|Patel|Myers|Long|Ross|Foster|' +
  'Jimenez|Powell|Jenkins|Perry|Russell|Sullivan|Bell|Coleman|Butler|Henderson|Barnes|Gonzales|Fisher|' +
  'Vasquez|Simmons|Romero|Jordan|Patterson|Alexander|Hamilton|Graham|Reynolds|Griffin|Wallace|Moreno|' +
  'West|Cole|Hayes|Bryant|Herrera|Gibson|Ellis|Tran|Medina|Aguilar|Stevens|Murray|Ford|Castro|Marshall|' +
  'Owens|Harrison|Fernandez|McDonald|Woods|Washington|Kennedy|Wells|Vargas|Henry|Chen|Freeman|Webb|' +
  'Tucker|Guzman|Burns|Crawford|Olson|Simpson|Porter|Hunter|Gordon|Mendez|Silva|Shaw|Snyder|Mason|' +
  'Dixon|Munoz|Hunt|Hicks|Holmes|Palmer|Wagner|Black|Robertson|Boyd|Rose|Stone|Salazar|Fox|Warren|' +
  'Mills|Meyer|Rice|Schmidt|Garza|Daniels|Ferguson|Nichols|Stephens|Soto|Weaver|Ryan|Gardner|Payne|' +
  'Grant|Dunn|Kelley|Spencer|Hawkins|Arnold|Pierce|Vazquez|Hansen|Peters|Santos|Hart|Bradley|Knight|' +
  'Elliott|Cunningham|Duncan|Armstrong|Hudson|Carroll|Lane|Riley|Andrews|Alvarado|Ray|Delgado|Berry|' +
  'Perkins|Hoffman|Johnston|Matthews|Pena|Richards|Contreras|Willis|Carpenter|Lawrence|Sandoval|Trump|' +
  'Biden|Obama|Clinton|Bush|Reagan|Carter|Nixon|Kennedy|Roosevelt|Lincoln|Pence|Harris|Vance|Rubio|' +
  'Hegseth|Bessent|Lutnick|Pelosi|McConnell|Schumer|Sanders|Warren|Cruz|DeSantis|Haley|Romney|McCain|' +
  'Blinken|Sullivan|Austin|Yellen|Powell|Kerry|Musk|Bezos|Zuckerberg|Gates|Buffett|Cook|Altman|Nadella|' +
  'Pichai|Dimon|Blair|Brown|Cameron|Johnson|Sunak|Truss|Starmer|Thatcher|Major|Corbyn|Farage|Sturgeon|' +
  'Reeves|Lammy|Badenoch|Macron|Hollande|Sarkozy|Chirac|Mitterrand|Le Pen|Bardella|Barnier|Bayrou|' +
  'Lecornu|Merkel|Scholz|Merz|Steinmeier|Schroeder|Schröder|Kohl|Baerbock|von der Leyen|Costa|Kallas|' +
  'Rutte|Stoltenberg|Guterres|Draghi|Lagarde|Meloni|Berlusconi|Renzi|Conte|Mattarella|Sanchez|Sánchez|' +
  'Rajoy|Zapatero|Trudeau|Carney|Poilievre|Albanese|Morrison|Ardern|Luxon|Putin|Medvedev|Lavrov|Peskov|' +
  'Shoigu|Gerasimov|Navalny|Gorbachev|Yeltsin|Stalin|Lenin|Kadyrov|Prigozhin|Zelensky|Zelenskyy|' +
  'Zelenskiy|Poroshenko|Yanukovych|Klitschko|Kuleba|Sybiha|Yermak|Zaluzhny|Syrskyi|Lukashenko|' +
  'Tsikhanouskaya|Orban|Orbán|Fico|Duda|Tusk|Nawrocki|Erdogan|Erdoğan|Ataturk|Fidan|Netanyahu|Gallant|' +
  'Katz|Gantz|Lapid|Bennett|Herzog|Ben-Gvir|Smotrich|Sharon|Rabin|Peres|Abbas|Arafat|Haniyeh|Sinwar|' +
  'Mashaal|Nasrallah|Qassem|Khamenei|Khomeini|Rouhani|Raisi|Pezeshkian|Zarif|Araghchi|Ahmadinejad|' +
  'Soleimani|Assad|al-Assad|al-Sharaa|Jolani|Sisi|el-Sisi|al-Sisi|Mubarak|Morsi|Sadat|Gaddafi|Haftar|' +
  'Dbeibah|Saied|Tebboune|Bin Salman|Zayed|Al Thani|Al-Thani|Sudani|al-Sudani|Kadhimi|Maliki|al-Maliki|' +
  'Barzani|Talabani|Houthi|Abdulmalik|Hadi|Saleh|Bin Laden|Zawahiri|Baghdadi|Modi|Gandhi|Nehru|Shah|' +
  'Jaishankar|Singh|Kumar|Sharma|Verma|Gupta|Agarwal|Jain|Mehta|Joshi|Mishra|Pandey|Tiwari|Dubey|Yadav|' +
  'Chauhan|Thakur|Rathore|Reddy|Rao|Naidu|Nair|Menon|Pillai|Iyer|Iyengar|Das|Bose|Banerjee|Chatterjee|' +
  'Mukherjee|Ghosh|Sen|Chowdhury|Roy|Dutta|Desai|Patil|Kapoor|Khanna|Malhotra|Chopra|Bhatia|Sethi|' +
  'Ambani|Adani|Tata|Birla|Mittal|Khan|Sharif|Bhutto|Zardari|Musharraf|Munir|Yunus|Hasina|Zia|Rahman|' +
  'Karzai|Ghani|Akhundzada|Haqqani|Mujahid|Xi|Li|Wang|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|' +
  'Zhu|Hu|Guo|He|Lin|Gao|Luo|Zheng|Liang|Xie|Song|Tang|Han|Feng|Deng|Cao|Peng|Zeng|Xiao|Tian|Dong|Pan|' +
  'Yuan|Cai|Jiang|Yu|Du|Ye|Cheng|Wei|Su|Lu|Ding|Ren|Yao|Shen|Zhong|Cui|Tan|Fan|Jin|Shi|Liao|Jia|Xia|Fu|' +
  'Fang|Bai|Zou|Meng|Xiong|Qin|Qiu|Yin|Xue|Yan|Duan|Lei|Hou|Long|Tao|Kong|Mao|Qian|Chiang|Tsai|Lai|' +
  'Hsiao|Chu|Ko|Kuo|Wong|Chan|Cheung|Leung|Lam|Ho|Tsang|Yip|Lau|Chow|Kwok|Tse|Fung|Mak|Choi|Park|Jung|' +
  'Kang|Cho|Yoon|Jang|Lim|Han|Shin|Seo|Kwon|Hwang|Ahn|Song|Jeon|Hong|Moon|Oh|Yoo|Sato|Suzuki|Takahashi|' +
  'Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Sasaki|Yamaguchi|Matsumoto|' +
  'Inoue|Kimura|Hayashi|Shimizu|Yamazaki|Mori|Abe|Ikeda|Hashimoto|Ishikawa|Ogawa|Okada|Goto|Hasegawa|' +
  'Murakami|Kishida|Suga|Ishiba|Takaichi|Koizumi|Kono|Motegi|Hayashi|Ohtani|Toyoda|Son|Tran|Le|Pham|' +
  'Hoang|Huynh|Phan|Vu|Vo|Dang|Bui|Do|Ngo|Duong|Ly|Thaksin|Shinawatra|Chan-o-cha|Widodo|Subianto|' +
  'Sukarno|Suharto|Soekarno|Ibrahim|Mohamad|Razak|Marcos|Duterte|Aquino|Arroyo|Suu Kyi|Hlaing|Hun|' +
  'Mandela|Ramaphosa|Zuma|Mbeki|Malema|Kenyatta|Odinga|Ruto|Kibaki|Moi|Museveni|Kagame|Kabila|' +
  'Tshisekedi|Mugabe|Mnangagwa|Chamisa|Hichilema|Magufuli|Hassan|Kikwete|Nyerere|Abiy|Zenawi|Afwerki|' +
  'Kiir|Machar|Bashir|al-Bashir|Burhan|al-Burhan|Dagalo|Hemedti|Hamdok|Buhari|Tinubu|Obasanjo|Jonathan|' +
  'Abubakar|Obi|Okonjo-Iweala|Adesina|Dangote|Akufo-Addo|Mahama|Nkrumah|Ouattara|Gbagbo|Sall|Faye|' +
  'Sonko|Wade|Deby|Déby|Traore|Traoré|Goita|Goïta|Tiani|Bazoum|Biya|Sassou|Nguesso|Bongo|Oligui|' +
  'Lumumba|Sankara|Compaore|Kaboré|Mensah|Osei|Owusu|Boateng|Asante|Addo|Adjei|Mwangi|Kamau|Otieno|' +
  'Odhiambo|Ochieng|Wanjiku|Njoroge|Kiprop|Kipchoge|Okafor|Okonkwo|Eze|Nwosu|Adeyemi|Adebayo|Ogunleye|' +
  'Olawale|Bello|Musa|Suleiman|Lawal|Aliyu|Danjuma|Abdullahi|Mohammed|Ahmed|Ali|Hussein|Hassan|Ibrahim|' +
  'Mahmoud|Mansour|Mustafa|Nasser|Omar|Rahman|Saleh|Salem|Youssef|Haddad|Khoury|Aziz|Karim|Hamid|' +
  'Rashid|Abdallah|Abdullah|Said|Fayed|Hariri|Aoun|Berri|Salam|Mikati|Geagea|Jumblatt|Hamdan|Qaboos|' +
  'Tamim|Nahyan|Maktoum|Al Nahyan|Al Maktoum|Sabah|Al Sabah|Khalifa|Lula|da Silva|Bolsonaro|Rousseff|' +
  'Cardoso|Milei|Macri|Kirchner|Fernandez|Boric|Pinera|Piñera|Petro|Duque|Uribe|Maduro|Chavez|Chávez|' +
  'Guaido|Machado|Gonzalez|Noboa|Correa|Morales|Arce|Castillo|Boluarte|Bukele|Ortega|Castro|Diaz-Canel|' +
  'Sheinbaum|Lopez Obrador|Obrador|Trudeau|Francis|Benedict|Leo|Bergoglio|Ratzinger|Wojtyla|Prevost|' +
  'Ronaldo|Messi|Neymar|Mbappe|Mbappé|Salah|Haaland|Federer|Nadal|Djokovic|Murray|Williams|Woods|James|' +
  'Jordan|Bolt|Kohli|Tendulkar|Dhoni|Sharapova|Osaka|Swift|Beyonce|Beyoncé|Kardashian|Oprah|Winfrey|' +
  'Spielberg|Streep|DiCaprio|Pitt|Jolie|Cruise|Hanks';

/** Well-known full names of people in the news (any culture). */
export const PEOPLE =
  'Donald Trump|Donald J. Trump|Joe Biden|Kamala Harris|Barack Obama|Michelle Obama|Hillary Clinton|' +
  'Bill Clinton|George W. Bush|George Bush|Jimmy Carter|Ronald Reagan|Mike Pence|JD Vance|J.D. Vance|' +
  'Marco Rubio|Pete Hegseth|Scott Bessent|Howard Lutnick|Elon Musk|Jeff Bezos|Mark Zuckerberg|' +
  'Bill Gates|Warren Buffett|Tim Cook|Sam Altman|Satya Nadella|Sundar Pichai|Jensen Huang|Nancy Pelosi|' +
  'Mitch McConnell|Chuck Schumer|Bernie Sanders|Elizabeth Warren|Ted Cruz|Ron DeSantis|Nikki Haley|' +
  'Antony Blinken|Jake Sullivan|Lloyd Austin|Janet Yellen|Jerome Powell|John Kerry|Xi Jinping|Li Qiang|' +
  'Li Keqiang|Wang Yi|Wang Huning|Zhao Leji|Han Zheng|Ding Xuexiang|Cai Qi|Dong Jun|He Lifeng|' +
  'Hu Jintao|Jiang Zemin|Deng Xiaoping|Mao Zedong|Zhou Enlai|Wen Jiabao|Liu He|Lai Ching-te|' +
  'Tsai Ing-wen|Ma Ying-jeou|Vladimir Putin|Dmitry Medvedev|Sergei Lavrov|Dmitry Peskov|Sergei Shoigu|' +
  'Valery Gerasimov|Alexei Navalny|Yulia Navalnaya|Mikhail Gorbachev|Boris Yeltsin|Ramzan Kadyrov|' +
  'Yevgeny Prigozhin|Volodymyr Zelensky|Volodymyr Zelenskyy|Petro Poroshenko|Dmytro Kuleba|' +
  'Andriy Sybiha|Andriy Yermak|Yulia Svyrydenko|Alexander Lukashenko|Sviatlana Tsikhanouskaya|' +
  'Narendra Modi|Rahul Gandhi|Sonia Gandhi|Amit Shah|S. Jaishankar|Subrahmanyam Jaishankar|' +
  'Nirmala Sitharaman|Mamata Banerjee|Arvind Kejriwal|Yogi Adityanath|Droupadi Murmu|Mukesh Ambani|' +
  'Gautam Adani|Shehbaz Sharif|Nawaz Sharif|Imran Khan|Asim Munir|Asif Ali Zardari|' +
  'Bilawal Bhutto Zardari|Benazir Bhutto|Muhammad Yunus|Khaleda Zia|Ranil Wickremesinghe|' +
  'Anura Kumara Dissanayake|Gotabaya Rajapaksa|Mahinda Rajapaksa|Recep Tayyip Erdogan|Tayyip Erdogan|' +
  'Hakan Fidan|Benjamin Netanyahu|Isaac Herzog|Yoav Gallant|Israel Katz|Benny Gantz|Yair Lapid|' +
  'Naftali Bennett|Itamar Ben-Gvir|Bezalel Smotrich|Mahmoud Abbas|Yasser Arafat|Ismail Haniyeh|' +
  'Yahya Sinwar|Khaled Mashaal|Hassan Nasrallah|Naim Qassem|Ali Khamenei|Ali Khamenei|' +
  'Ruhollah Khomeini|Hassan Rouhani|Ebrahim Raisi|Masoud Pezeshkian|Abbas Araghchi|Javad Zarif|' +
  'Mohammad Javad Zarif|Mahmoud Ahmadinejad|Qasem Soleimani|Bashar al-Assad|Hafez al-Assad|' +
  'Ahmed al-Sharaa|Abu Mohammed al-Jolani|Abdel Fattah al-Sisi|Abdel Fattah el-Sisi|Hosni Mubarak|' +
  'Mohamed Morsi|Anwar Sadat|Gamal Abdel Nasser|Muammar Gaddafi|Khalifa Haftar|Kais Saied|' +
  'Mohammed bin Salman|Salman bin Abdulaziz|Mohammed bin Zayed|Mohamed bin Zayed|Mohammed bin Rashid|' +
  'Tamim bin Hamad Al Thani|Mohammed Shia al-Sudani|Masoud Barzani|Abdul-Malik al-Houthi|' +
  'Osama bin Laden|Ayman al-Zawahiri|Abu Bakr al-Baghdadi|Hibatullah Akhundzada|Hamid Karzai|' +
  'Ashraf Ghani|Kim Jong Un|Kim Jong-un|Kim Jong Il|Kim Il Sung|Kim Yo Jong|Yoon Suk Yeol|' +
  'Yoon Suk-yeol|Lee Jae-myung|Moon Jae-in|Park Geun-hye|Han Duck-soo|Fumio Kishida|Shigeru Ishiba|' +
  'Sanae Takaichi|Shinzo Abe|Yoshihide Suga|Taro Kono|Masayoshi Son|Akio Toyoda|Shohei Ohtani|' +
  'Narendra Damodardas Modi|Prabowo Subianto|Joko Widodo|Anwar Ibrahim|Mahathir Mohamad|' +
  'Ferdinand Marcos|Ferdinand Marcos Jr|Rodrigo Duterte|Sara Duterte|Aung San Suu Kyi|Min Aung Hlaing|' +
  'Hun Sen|Hun Manet|Paetongtarn Shinawatra|Thaksin Shinawatra|Srettha Thavisin|Prayuth Chan-o-cha|' +
  'Lawrence Wong|Lee Hsien Loong|Lee Kuan Yew|To Lam|Nguyen Phu Trong|Emmanuel Macron|' +
  'Francois Hollande|Nicolas Sarkozy|Jacques Chirac|Marine Le Pen|Jordan Bardella|Michel Barnier|' +
  'Francois Bayrou|Sebastien Lecornu|Olaf Scholz|Friedrich Merz|Angela Merkel|Frank-Walter Steinmeier|' +
  'Annalena Baerbock|Ursula von der Leyen|Antonio Costa|Kaja Kallas|Mark Rutte|Jens Stoltenberg|' +
  'Antonio Guterres|Christine Lagarde|Kristalina Georgieva|Ngozi Okonjo-Iweala|' +
  'Tedros Adhanom Ghebreyesus|Giorgia Meloni|Sergio Mattarella|Silvio Berlusconi|Mario Draghi|' +
  'Pedro Sanchez|Viktor Orban|Robert Fico|Donald Tusk|Andrzej Duda|Karol Nawrocki|Keir Starmer|' +
  'Rishi Sunak|Liz Truss|Boris Johnson|Theresa May|David Cameron|Gordon Brown|Tony Blair|' +
  'Margaret Thatcher|Rachel Reeves|David Lammy|Yvette Cooper|Kemi Badenoch|Nigel Farage|Jeremy Corbyn|' +
  'Justin Trudeau|Mark Carney|Pierre Poilievre|Anthony Albanese|Scott Morrison|Jacinda Ardern|' +
  'Christopher Luxon|Luiz Inacio Lula da Silva|Lula da Silva|Jair Bolsonaro|Dilma Rousseff|' +
  'Javier Milei|Cristina Fernandez de Kirchner|Gabriel Boric|Gustavo Petro|Nicolas Maduro|Hugo Chavez|' +
  'Maria Corina Machado|Edmundo Gonzalez|Daniel Noboa|Nayib Bukele|Daniel Ortega|Miguel Diaz-Canel|' +
  'Fidel Castro|Raul Castro|Claudia Sheinbaum|Andres Manuel Lopez Obrador|Dina Boluarte|Luis Arce|' +
  'Evo Morales|Cyril Ramaphosa|Jacob Zuma|Thabo Mbeki|Nelson Mandela|Julius Malema|Bola Tinubu|' +
  'Bola Ahmed Tinubu|Muhammadu Buhari|Goodluck Jonathan|Olusegun Obasanjo|Atiku Abubakar|Peter Obi|' +
  'Aliko Dangote|William Ruto|Uhuru Kenyatta|Raila Odinga|Yoweri Museveni|Paul Kagame|Felix Tshisekedi|' +
  'Joseph Kabila|Emmerson Mnangagwa|Robert Mugabe|Samia Suluhu Hassan|Hakainde Hichilema|Abiy Ahmed|' +
  'Isaias Afwerki|Salva Kiir|Riek Machar|Omar al-Bashir|Abdel Fattah al-Burhan|Mohamed Hamdan Dagalo|' +
  'Nana Akufo-Addo|John Mahama|John Dramani Mahama|Alassane Ouattara|Macky Sall|Bassirou Diomaye Faye|' +
  'Ousmane Sonko|Assimi Goita|Ibrahim Traore|Abdourahamane Tiani|Mahamat Idriss Deby|Paul Biya|' +
  'Denis Sassou Nguesso|Abdelmadjid Tebboune|Mohammed VI|Mohammed VI|Leo XIV|John Paul II|Dalai Lama|' +
  'Greta Thunberg|Malala Yousafzai|Julian Assange|Edward Snowden|Taylor Swift|Cristiano Ronaldo|' +
  'Lionel Messi|Kylian Mbappe|Mohamed Salah|Erling Haaland|Roger Federer|Rafael Nadal|Novak Djokovic|' +
  'Serena Williams|LeBron James|Virat Kohli|Sachin Tendulkar|Usain Bolt';

export const ORGS =
  'United Nations|UN|U.N.|UNESCO|UNICEF|UNHCR|UNRWA|UNDP|UNEP|UNFPA|UNCTAD|WFP|World Food Programme|' +
  'FAO|ILO|IAEA|International Atomic Energy Agency|WHO|World Health Organization|' +
  'World Health Organisation|WTO|World Trade Organization|IMF|International Monetary Fund|World Bank|' +
  'Security Council|UN Security Council|General Assembly|NATO|Nato|North Atlantic Treaty Organization|' +
  'EU|E.U.|European Union|European Commission|European Parliament|European Council|' +
  'European Central Bank|ECB|Council of Europe|OSCE|OPEC|OPEC+|G7|G8|G20|BRICS|ASEAN|African Union|AU|' +
  'ECOWAS|SADC|Arab League|Gulf Cooperation Council|GCC|Organisation of Islamic Cooperation|OECD|APEC|' +
  'SCO|Shanghai Cooperation Organisation|Commonwealth|Interpol|Europol|International Criminal Court|' +
  'ICC|International Court of Justice|ICJ|Red Cross|Red Crescent|ICRC|' +
  'International Committee of the Red Cross|Amnesty International|Human Rights Watch|Greenpeace|Oxfam|' +
  'Save the Children|Doctors Without Borders|MSF|Medecins Sans Frontieres|Transparency International|' +
  'Reporters Without Borders|Bill and Melinda Gates Foundation|Gates Foundation|Wikileaks|WikiLeaks|' +
  'IOC|International Olympic Committee|FIFA|UEFA|CAF|AFC|CONCACAF|CONMEBOL|ICC|' +
  'International Cricket Council|BCCI|NBA|NFL|MLB|NHL|ATP|WTA|Premier League|La Liga|Bundesliga|' +
  "Serie A|Formula One|F1|Federal Reserve|Fed|Bank of England|Bank of Japan|People's Bank of China|" +
  'Reserve Bank of India|RBI|Bundesbank|Treasury|State Department|Department of State|Pentagon|' +
  'Department of Defense|Department of Justice|Justice Department|DOJ|FBI|CIA|NSA|DHS|' +
  'Homeland Security|ICE|Secret Service|White House|Congress|Senate|House of Representatives|' +
  'Supreme Court|Federal Trade Commission|FTC|Securities and Exchange Commission|SEC|' +
  'Food and Drug Administration|FDA|CDC|NASA|Nasa|EPA|FAA|FEMA|IRS|National Security Council|Kremlin|' +
  'FSB|KGB|GRU|Duma|State Duma|Rosneft|Gazprom|Lukoil|Wagner|Wagner Group|Rosatom|Roscosmos|Aeroflot|' +
  'Sberbank|Communist Party|Chinese Communist Party|CCP|CPC|Communist Party of China|Politburo|' +
  "Central Committee|National People's Congress|NPC|People's Liberation Army|PLA|Xinhua|" +
  "Xinhua News Agency|China Daily|Global Times|People's Daily|CCTV|CGTN|Ministry of Foreign Affairs|" +
  'Foreign Ministry|Ministry of Commerce|Ministry of Defence|Ministry of Defense|Defence Ministry|' +
  'Defense Ministry|Home Office|Foreign Office|Downing Street|Whitehall|Parliament|House of Commons|' +
  'House of Lords|Labour|Labour Party|Conservative Party|Conservatives|Tories|Liberal Democrats|' +
  'Lib Dems|SNP|Scottish National Party|Plaid Cymru|Reform UK|Sinn Fein|DUP|Republican Party|' +
  'Democratic Party|GOP|Republicans|Democrats|Bundestag|Bundesrat|CDU|CSU|SPD|AfD|Greens|Elysee|Élysée|' +
  'National Rally|Rassemblement National|Knesset|Likud|IDF|Israel Defense Forces|Mossad|Shin Bet|Hamas|' +
  'Hezbollah|Islamic Jihad|Fatah|PLO|Palestinian Authority|Houthis|Ansar Allah|Islamic State|ISIS|ISIL|' +
  'IS|Daesh|al-Qaeda|Al Qaeda|al-Qaida|al-Shabab|Al-Shabaab|Boko Haram|Taliban|Tehrik-i-Taliban|TTP|' +
  'HTS|Hayat Tahrir al-Sham|PKK|YPG|SDF|Syrian Democratic Forces|Revolutionary Guards|IRGC|' +
  'Islamic Revolutionary Guard Corps|Quds Force|Muslim Brotherhood|Kataib Hezbollah|' +
  'Popular Mobilisation Forces|RSF|Rapid Support Forces|M23|ANC|African National Congress|' +
  'Democratic Alliance|EFF|ZANU-PF|BJP|Bharatiya Janata Party|Congress Party|Indian National Congress|' +
  'Aam Aadmi Party|AAP|RSS|PTI|PML-N|Awami League|BNP|Kuomintang|KMT|DPP|Democratic Progressive Party|' +
  "LDP|Liberal Democratic Party|Workers' Party|PRI|Morena|Fidesz|Law and Justice|PiS|Syriza|Podemos|" +
  'Vox|Sinn Féin|Google|Alphabet|Apple|Microsoft|Amazon|Meta|Facebook|Instagram|WhatsApp|Twitter|' +
  'X Corp|YouTube|TikTok|ByteDance|Snapchat|Telegram|WeChat|Weibo|Truth Social|Netflix|Spotify|Uber|' +
  'Airbnb|OpenAI|Anthropic|DeepSeek|Nvidia|NVIDIA|Intel|AMD|Qualcomm|Broadcom|TSMC|' +
  'Taiwan Semiconductor Manufacturing Company|Samsung|Samsung Electronics|SK Hynix|LG|Hyundai|Kia|Sony|' +
  'Panasonic|Toshiba|Hitachi|Nintendo|SoftBank|Toyota|Honda|Nissan|Mitsubishi|Suzuki|Mazda|Subaru|' +
  'Huawei|ZTE|Xiaomi|Alibaba|Tencent|Baidu|JD.com|Pinduoduo|Temu|Shein|BYD|CATL|Geely|Nio|Lenovo|Haier|' +
  'Sinopec|PetroChina|CNOOC|China Mobile|ICBC|Bank of China|COSCO|Comac|Boeing|Airbus|Lockheed Martin|' +
  'Raytheon|RTX|Northrop Grumman|General Dynamics|BAE Systems|Rolls-Royce|Embraer|Bombardier|SpaceX|' +
  'Blue Origin|Tesla|Ford|General Motors|GM|Chrysler|Stellantis|Volkswagen|VW|BMW|Mercedes-Benz|' +
  'Mercedes|Daimler|Porsche|Audi|Renault|Peugeot|Fiat|Ferrari|Volvo|Jaguar Land Rover|Tata Motors|Tata|' +
  'Tata Group|Reliance|Reliance Industries|Infosys|Wipro|Adani Group|Mahindra|ExxonMobil|Exxon|Chevron|' +
  'Shell|BP|TotalEnergies|Total|Eni|Equinor|Saudi Aramco|Aramco|ADNOC|QatarEnergy|Glencore|Rio Tinto|' +
  "BHP|Vale|ArcelorMittal|Walmart|Target|Costco|Tesco|Sainsbury's|Carrefour|Nestle|Nestlé|Unilever|" +
  "Procter & Gamble|Coca-Cola|PepsiCo|McDonald's|Starbucks|Nike|Adidas|Puma|Disney|Warner Bros|" +
  'Paramount|Comcast|Sony Pictures|Universal|JPMorgan|JPMorgan Chase|Goldman Sachs|Morgan Stanley|' +
  'Citigroup|Citi|Bank of America|Wells Fargo|BlackRock|HSBC|Barclays|Lloyds|NatWest|Deutsche Bank|UBS|' +
  'Credit Suisse|BNP Paribas|Santander|Nomura|Berkshire Hathaway|Visa|Mastercard|PayPal|IBM|Oracle|' +
  'Cisco|Dell|HP|Siemens|Bosch|BASF|Bayer|Pfizer|Moderna|AstraZeneca|Johnson & Johnson|Novartis|Roche|' +
  'Sanofi|GSK|Merck|Novo Nordisk|Eli Lilly|Emirates|Qatar Airways|Etihad|Lufthansa|British Airways|' +
  'Air France|KLM|Delta|United Airlines|American Airlines|Ryanair|easyJet|Air India|Cathay Pacific|' +
  'Singapore Airlines|Maersk|FedEx|UPS|DHL|BBC|CNN|Fox News|MSNBC|NBC|ABC|CBS|NPR|PBS|Sky News|ITV|' +
  'Channel 4|Al Jazeera|Al Arabiya|France 24|Deutsche Welle|DW|RT|Sputnik|TASS|Interfax|RIA Novosti|' +
  'Reuters|AP|Associated Press|AFP|Agence France-Presse|Bloomberg|Kyodo|Yonhap|NHK|KCNA|IRNA|Tasnim|' +
  'Fars|Anadolu|New York Times|The New York Times|Washington Post|The Washington Post|' +
  'Wall Street Journal|The Wall Street Journal|Financial Times|The Guardian|Guardian|The Times|Times|' +
  'The Economist|Economist|Daily Mail|Daily Telegraph|Telegraph|The Independent|Independent|Le Monde|' +
  'Der Spiegel|Spiegel|South China Morning Post|SCMP|Times of India|Hindustan Times|The Hindu|Dawn|' +
  'Haaretz|Times of Israel|Politico|Axios|Forbes|Fortune|Time|Newsweek|The Atlantic|Harvard|' +
  'Harvard University|Yale|Stanford|MIT|Oxford University|University of Oxford|Cambridge University|' +
  'University of Cambridge|Tsinghua University|Peking University|Brookings|Brookings Institution|' +
  'Council on Foreign Relations|RAND|Chatham House|Carnegie Endowment|Heritage Foundation|' +
  'Pew Research Center|Gallup|YouGov|Ipsos|Olympics Committee|Manchester United|Manchester City|' +
  'Liverpool FC|Chelsea|Arsenal|Tottenham|Real Madrid|Barcelona FC|FC Barcelona|Bayern Munich|Juventus|' +
  'AC Milan|Inter Milan|Paris Saint-Germain|PSG';

export const ORG_SUFFIXES =
  'Inc|Inc.|Incorporated|Corp|Corp.|Corporation|Co|Co.|Company|Cos|Ltd|Ltd.|Limited|Plc|plc|PLC|LLC|' +
  'LLP|LP|AG|SA|S.A.|SpA|S.p.A.|NV|N.V.|BV|GmbH|KGaA|SE|AB|ASA|A/S|Oyj|Pty|Bhd|Berhad|Tbk|KK|Group|' +
  'Holdings|Holding|Industries|International|Enterprises|Partners|Associates|Brothers|Bros|Bros.|& Co|' +
  'Capital|Investments|Securities|Bancorp|Financial|Technologies|Technology|Systems|Solutions|Networks|' +
  'Communications|Telecom|Pharmaceuticals|Pharma|Therapeutics|Biotech|Energy|Resources|Mining|' +
  'Petroleum|Oil|Gas|Motors|Automotive|Airlines|Airways|Air Lines|Aviation|Aerospace|Shipping|' +
  'Logistics|Foods|Brands|Stores|Entertainment|Media|Studios|Pictures|Records|Publishing|Press|' +
  'Ventures|Trust|Fund|Funds|Bank|Bancorp|Insurance|Assurance|Realty|Properties|Electric|Electronics|' +
  'Steel|Chemicals|Labs|Laboratories';

export const ORG_WORDS =
  'University|College|Institute|Institution|Academy|School|Polytechnic|Party|Front|Movement|Alliance|' +
  'Coalition|League|Union|Federation|Confederation|Association|Society|Council|Committee|Commission|' +
  'Board|Authority|Agency|Bureau|Office|Department|Ministry|Directorate|Administration|Service|' +
  'Services|Corps|Army|Navy|Air Force|Forces|Guard|Guards|Police|Brigade|Brigades|Battalion|Regiment|' +
  'Court|Tribunal|Parliament|Assembly|Congress|Senate|Cabinet|Government|Organisation|Organization|' +
  'Foundation|Fund|Trust|Centre|Center|Hospital|Clinic|Museum|Library|Church|Mosque|Synagogue|Temple|' +
  'Club|Team|Rovers|Athletic|Athletics|Wanderers|Albion|Hotspur|FC|F.C.|AFC|SC|CF|United|City|County|' +
  'Town|Rangers|Celtic|Sporting|Olympique|Real|Dynamo|Dinamo|Spartak|Lokomotiv|Juventus|Inter|Ajax|PSV|' +
  'Benfica|Porto|Exchange|Market|Reserve|Network|Broadcasting|Radio|Television|TV|News|Times|Post|' +
  'Herald|Tribune|Journal|Gazette|Telegraph|Chronicle|Observer|Mirror|Express|Daily|Weekly|Magazine|' +
  'Review|Institute|Laboratory|Observatory|Council|Caucus|Secretariat|Chamber|Embassy|Consulate|' +
  'Mission|Brotherhood|Jihad|Hezbollah|Militia|Rebels|Group|Network|Watch|Initiative|Project|Programme|Program';

export const TITLES =
  'President|Vice President|Vice-President|President-elect|Prime Minister|Deputy Prime Minister|' +
  'Premier|Chancellor|Minister|Foreign Minister|Defence Minister|Defense Minister|Finance Minister|' +
  'Interior Minister|Secretary|Secretary of State|Secretary-General|Secretary General|Under Secretary|' +
  'Senator|Sen.|Sen|Congressman|Congresswoman|Representative|Rep.|Rep|Governor|Gov.|Gov|Mayor|' +
  'Ambassador|Envoy|Consul|Commissioner|Chairman|Chairwoman|Chair|Chief Executive|CEO|Chief|Director|' +
  'Director-General|Director General|Spokesman|Spokeswoman|Spokesperson|Speaker|Leader|Judge|Justice|' +
  'Chief Justice|Attorney General|Attorney-General|Prosecutor|King|Queen|Prince|Princess|Crown Prince|' +
  'Emperor|Empress|Sultan|Emir|Amir|Sheikh|Shaikh|Sheik|Ayatollah|Grand Ayatollah|Imam|Mullah|Pope|' +
  'Cardinal|Archbishop|Bishop|Rabbi|Reverend|Rev.|Rev|Father|Sister|Brother|Saint|St.|Mr|Mr.|Mrs|Mrs.|' +
  'Ms|Ms.|Miss|Dr|Dr.|Prof|Prof.|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Duke|Duchess|Earl|Count|' +
  'Countess|General|Gen.|Gen|Lieutenant General|Major General|Brigadier|Colonel|Col.|Lieutenant|Lt.|' +
  'Captain|Capt.|Major|Maj.|Sergeant|Sgt.|Corporal|Private|Admiral|Adm.|Commander|Marshal|' +
  'Field Marshal|Officer|Inspector|Detective|Constable|Coach|Manager|Captain|Striker|Midfielder|' +
  'Defender|Goalkeeper|Keeper|Batsman|Bowler|Skipper|Chief Minister|Home Minister|Army Chief|' +
  'Chief of Staff|Commander-in-Chief|Supreme Leader|Crown Princess|His Majesty|Her Majesty|Majesty|' +
  'Excellency|Comrade|Pastor|Mufti|Patriarch|Metropolitan|Lama|Madam|Madame|Auntie|Aunty|Uncle|' +
  'Grandmother|Grandfather|Alhaji|Alhaja|Hajia|Undersecretary|Under-Secretary|Deputy Minister|' +
  'Vice Minister|Vice-Minister|Shri|Smt|Smt.|Lt|Lt Gen|Maj|Maj Gen|Brig|Brig Gen|Col|Capt|Sgt|Cpl|Adm|' +
  'MP|MLA|MK|Hon|Hon.|Honourable|Engr|Engr.|Barrister|Ustaz|Mallam|Sayyid|OC|ASI|DIG|DGP|IGP';

export const MISC_NAMES =
  'Olympics|Olympic Games|Winter Olympics|Paralympics|Paralympic Games|World Cup|FIFA World Cup|' +
  'Euro 2024|Euro 2028|European Championship|Champions League|Europa League|Super Bowl|World Series|' +
  'Wimbledon|US Open|U.S. Open|French Open|Australian Open|Tour de France|Grand Prix|Ashes|' +
  'Commonwealth Games|Asian Games|Ryder Cup|Davis Cup|Brexit|Covid|Covid-19|COVID-19|COVID|Christmas|' +
  'Easter|Ramadan|Eid|Eid al-Fitr|Eid al-Adha|Diwali|Hanukkah|Passover|Yom Kippur|Thanksgiving|' +
  'Lunar New Year|Chinese New Year|Spring Festival|Nowruz|Holi|Halloween|Hajj|Lent|Islam|Christianity|' +
  'Judaism|Hinduism|Buddhism|Sikhism|Quran|Koran|Bible|Torah|English|French|German|Spanish|Arabic|' +
  'Hindi|Urdu|Bengali|Mandarin|Cantonese|Russian|Portuguese|Japanese|Korean|Swahili|Hebrew|Farsi|' +
  'Persian|Turkish|Italian|Dutch|Polish|Ukrainian|Greek|Latin|Nobel Prize|Nobel Peace Prize|Oscar|' +
  'Oscars|Academy Awards|Grammy|Grammys|Golden Globe|Booker Prize|Pulitzer|Pulitzer Prize|Cold War|' +
  'World War One|World War Two|World War I|World War II|Second World War|First World War|Holocaust|' +
  'Gulf War|Iraq War|Vietnam War|Korean War|Arab Spring|Cultural Revolution|Belt and Road|' +
  'Belt and Road Initiative|Paris Agreement|Kyoto Protocol|Geneva Conventions|Minsk agreements|' +
  'Abraham Accords|Good Friday Agreement|Oslo Accords|Nakba|Intifada|Iron Dome|Patriot|Javelin|HIMARS|' +
  'ATACMS|Storm Shadow|Tomahawk|Kalashnikov|AK-47|F-16|F-35|Su-35|MiG-29|Boeing 737|Boeing 737 Max|' +
  '737 Max|Boeing 787|Dreamliner|Airbus A320|A380|iPhone|iPad|Android|Windows|ChatGPT|Gemini|Bitcoin|' +
  'Ethereum|Euro|Dow Jones|Dow|Nasdaq|S&P 500|FTSE|FTSE 100|Nikkei|Hang Seng|Sensex|DAX|CAC 40|Brent|' +
  'WTI|Obamacare|Medicare|Medicaid|Social Security|New Deal|Marshall Plan|Magna Carta|Constitution|' +
  'Bill of Rights|Declaration of Independence|Davos|World Economic Forum|COP26|COP27|COP28|COP29|COP30|' +
  'Munich Security Conference|Shangri-La Dialogue';

/** Words that are capitalised but (almost) never names themselves. */
export const TIME_WORDS =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|' +
  'July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|' +
  'Mon|Tue|Wed|Thu|Fri|Sat|Sun|GMT|BST|EST|EDT|PST|PDT|UTC|CET|a.m.|p.m.|AM|PM|AD|BC|BCE|CE|Today|' +
  'Tomorrow|Yesterday|Spring|Summer|Autumn|Winter|Fall|Weekend|Q1|Q2|Q3|Q4';

/** Particles inside personal names (`bin`, `al-`, `van`, `de`). */
export const NAME_PARTICLES =
  'al|el|bin|ibn|bint|abu|ben|van|von|der|den|de|da|di|del|della|dos|das|du|la|le|st|mac|ter|ten|y|zu|' +
  'Al|El|Bin|Ibn|Abu|Van|Von|De|Da|Di|Del|Du|La|Le';

import { GAZ, Gazetteer } from '../../src/core/ner/gazetteer';
import { OPEN_CITIES, OPEN_COUNTRIES, OPEN_DEMONYMS, OPEN_FIRST_NAMES, OPEN_SURNAMES } from './gazetteer-open';

/**
 * The gazetteer built from these lists (hashed; stored in the model). `open`: also the lists
 * compiled from open-licence data packages (`gazetteer-open.ts`, see `open-data.ts`).
 */
export function buildGazetteer(open = false): Gazetteer {
  const extra: [number, string][] = open
    ? [
        [GAZ.country, OPEN_COUNTRIES],
        [GAZ.city, OPEN_CITIES],
        [GAZ.demonym, OPEN_DEMONYMS],
        [GAZ.first, OPEN_FIRST_NAMES],
        [GAZ.surname, OPEN_SURNAMES],
      ]
    : [];
  return Gazetteer.fromLists([
    [GAZ.country, COUNTRIES],
    [GAZ.city, CITIES],
    [GAZ.region, REGIONS],
    [GAZ.demonym, DEMONYMS],
    [GAZ.first, FIRST_NAMES],
    [GAZ.surname, SURNAMES],
    [GAZ.person, PEOPLE],
    [GAZ.org, ORGS],
    [GAZ.orgSuffix, ORG_SUFFIXES],
    [GAZ.orgWord, ORG_WORDS],
    [GAZ.title, TITLES],
    [GAZ.misc, MISC_NAMES],
    [GAZ.time, TIME_WORDS],
    [GAZ.particle, NAME_PARTICLES],
    ...extra,
  ]);
}
