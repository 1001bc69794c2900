/**
 * Demo items register: medicines of the WHO/national essential medicines lists as dispensed in West-African health
 * centres, and common consumables. `name|package|price FCFA|careType|patientCategory` (15 everyone, 14 women and
 * children… see DOMAIN.md §5.4). Codes are given in order by the seed (D001…, M001…).
 */
export const DEMO_DRUGS = `Amoxicilline 500 mg gélule|boîte de 100|25|B|15
Amoxicilline 250 mg/5 ml suspension buvable|flacon 60 ml|750|B|15
Amoxicilline 250 mg comprimé dispersible|boîte de 100|20|B|15
Amoxicilline + acide clavulanique 500/62,5 mg comprimé|boîte de 16|350|B|15
Amoxicilline + acide clavulanique 1 g injectable|flacon|1500|I|15
Ampicilline 1 g injectable|flacon|350|I|15
Benzathine benzylpénicilline 2,4 MUI injectable|flacon|450|B|15
Benzylpénicilline 1 MUI injectable|flacon|250|I|15
Cloxacilline 500 mg gélule|boîte de 100|60|B|15
Phénoxyméthylpénicilline 250 mg comprimé|boîte de 100|30|B|15
Ceftriaxone 1 g injectable|flacon|600|I|15
Ceftriaxone 250 mg injectable|flacon|400|I|15
Céfixime 200 mg comprimé|boîte de 10|250|B|15
Céfixime 100 mg/5 ml suspension buvable|flacon 40 ml|1800|B|15
Gentamicine 80 mg/2 ml injectable|ampoule|150|I|15
Gentamicine 20 mg/2 ml injectable|ampoule|150|I|15
Cotrimoxazole 480 mg comprimé|boîte de 1000|10|B|15
Cotrimoxazole 240 mg/5 ml suspension buvable|flacon 100 ml|500|B|15
Ciprofloxacine 500 mg comprimé|boîte de 10|50|B|5
Ciprofloxacine 200 mg/100 ml perfusion|flacon|1200|I|5
Métronidazole 250 mg comprimé|boîte de 1000|10|B|15
Métronidazole 125 mg/5 ml suspension buvable|flacon 100 ml|600|B|15
Métronidazole 500 mg/100 ml perfusion|flacon|650|I|15
Érythromycine 500 mg comprimé|boîte de 100|60|B|15
Érythromycine 125 mg/5 ml suspension buvable|flacon 60 ml|900|B|15
Azithromycine 500 mg comprimé|boîte de 3|600|B|15
Azithromycine 200 mg/5 ml suspension buvable|flacon 15 ml|1500|B|15
Doxycycline 100 mg comprimé|boîte de 100|20|B|5
Nitrofurantoïne 100 mg comprimé|boîte de 100|40|B|15
Chloramphénicol 1 g injectable|flacon|400|I|15
Tétracycline 1 % pommade ophtalmique|tube 5 g|200|B|15
Artéméther-luméfantrine 20/120 mg comprimé (6 x 1)|plaquette 6 cp|300|B|12
Artéméther-luméfantrine 20/120 mg comprimé (6 x 2)|plaquette 12 cp|400|B|12
Artéméther-luméfantrine 20/120 mg comprimé (6 x 3)|plaquette 18 cp|500|B|15
Artéméther-luméfantrine 20/120 mg comprimé (6 x 4)|plaquette 24 cp|600|B|7
Artésunate-amodiaquine 25/67,5 mg comprimé|plaquette 3 cp|250|B|12
Artésunate-amodiaquine 50/135 mg comprimé|plaquette 3 cp|300|B|12
Artésunate-amodiaquine 100/270 mg comprimé (3)|plaquette 3 cp|400|B|15
Artésunate-amodiaquine 100/270 mg comprimé (6)|plaquette 6 cp|600|B|7
Artésunate 60 mg injectable|flacon|1200|I|15
Artésunate 100 mg suppositoire|boîte de 2|1000|B|8
Artéméther 80 mg/ml injectable|ampoule|500|I|15
Quinine 300 mg comprimé|boîte de 100|50|B|15
Quinine 600 mg/2 ml injectable|ampoule|250|I|15
Sulfadoxine-pyriméthamine 500/25 mg comprimé|boîte de 3|150|O|6
Paracétamol 500 mg comprimé|boîte de 1000|5|B|15
Paracétamol 100 mg comprimé|boîte de 100|5|B|8
Paracétamol 120 mg/5 ml sirop|flacon 100 ml|500|B|8
Paracétamol 1 g/100 ml perfusion|flacon|1500|I|15
Ibuprofène 400 mg comprimé|boîte de 100|15|B|5
Ibuprofène 100 mg/5 ml suspension buvable|flacon 100 ml|700|B|8
Acide acétylsalicylique 500 mg comprimé|boîte de 1000|5|B|7
Diclofénac 50 mg comprimé|boîte de 100|10|B|7
Diclofénac 75 mg/3 ml injectable|ampoule|100|B|7
Tramadol 50 mg gélule|boîte de 10|200|B|7
Morphine 10 mg/ml injectable|ampoule|600|I|15
Métamizole 500 mg/ml injectable|ampoule|200|B|7
Hyoscine butylbromure 20 mg/ml injectable|ampoule|250|B|7
Hyoscine butylbromure 10 mg comprimé|boîte de 20|400|B|7
Sels de réhydratation orale (SRO) sachet|sachet 20,5 g|100|B|15
Zinc 20 mg comprimé dispersible|boîte de 10|150|B|8
SRO + zinc co-emballage|kit|300|O|8
Métoclopramide 10 mg comprimé|boîte de 100|10|B|15
Métoclopramide 10 mg/2 ml injectable|ampoule|100|B|15
Oméprazole 20 mg gélule|boîte de 14|150|B|7
Hydroxyde d'aluminium + magnésium comprimé à croquer|boîte de 100|10|O|7
Lopéramide 2 mg gélule|boîte de 20|200|O|7
Bisacodyl 5 mg comprimé|boîte de 100|10|O|7
Albendazole 400 mg comprimé|boîte de 1|100|B|15
Mébendazole 100 mg comprimé|boîte de 6|150|B|15
Praziquantel 600 mg comprimé|boîte de 100|100|O|15
Ivermectine 3 mg comprimé|boîte de 4|200|O|15
Fluconazole 150 mg gélule|boîte de 1|250|B|6
Nystatine 100 000 UI/ml suspension buvable|flacon 30 ml|800|B|15
Nystatine 100 000 UI comprimé vaginal|boîte de 15|900|O|6
Clotrimazole 500 mg comprimé vaginal|boîte de 1|300|O|6
Clotrimazole 1 % crème|tube 20 g|500|O|15
Miconazole 2 % crème|tube 15 g|600|O|15
Griséofulvine 500 mg comprimé|boîte de 100|50|O|15
Aciclovir 200 mg comprimé|boîte de 25|100|B|15
Fer (sulfate ferreux) + acide folique 200/0,4 mg comprimé|boîte de 1000|5|B|6
Acide folique 5 mg comprimé|boîte de 1000|5|B|15
Fer sirop 45 mg/5 ml|flacon 150 ml|700|B|8
Vitamine A 200 000 UI capsule|boîte de 500|50|O|15
Vitamine A 100 000 UI capsule|boîte de 500|50|O|8
Multivitamines comprimé|boîte de 1000|5|O|15
Vitamine K1 (phytoménadione) 1 mg/0,1 ml injectable|ampoule|350|I|8
Ocytocine 10 UI/ml injectable|ampoule|250|B|6
Misoprostol 200 microgrammes comprimé|boîte de 4|400|B|6
Sulfate de magnésium 50 % 10 ml injectable|ampoule|400|I|6
Méthylergométrine 0,2 mg/ml injectable|ampoule|300|I|6
Lévonorgestrel 1,5 mg comprimé (contraception d'urgence)|boîte de 1|500|O|6
Lévonorgestrel + éthinylestradiol comprimé|plaquette 28 cp|200|O|6
Médroxyprogestérone acétate 150 mg/ml injectable|flacon|300|O|6
Implant contraceptif au lévonorgestrel|unité|1500|O|6
Dispositif intra-utérin au cuivre|unité|1000|O|6
Préservatif masculin|boîte de 3|100|O|5
Hydrochlorothiazide 25 mg comprimé|boîte de 100|10|O|7
Amlodipine 5 mg comprimé|boîte de 30|15|O|7
Nifédipine 20 mg comprimé à libération prolongée|boîte de 30|25|B|7
Méthyldopa 250 mg comprimé|boîte de 100|25|B|6
Hydralazine 20 mg injectable|ampoule|1500|I|6
Captopril 25 mg comprimé|boîte de 100|10|O|7
Énalapril 10 mg comprimé|boîte de 100|15|O|7
Aténolol 50 mg comprimé|boîte de 100|15|O|7
Furosémide 40 mg comprimé|boîte de 100|10|B|7
Furosémide 20 mg/2 ml injectable|ampoule|150|I|15
Spironolactone 25 mg comprimé|boîte de 100|30|O|7
Digoxine 0,25 mg comprimé|boîte de 100|20|O|7
Metformine 500 mg comprimé|boîte de 100|10|O|7
Glibenclamide 5 mg comprimé|boîte de 100|10|O|7
Insuline humaine rapide 100 UI/ml|flacon 10 ml|5000|B|15
Insuline humaine NPH 100 UI/ml|flacon 10 ml|5000|B|15
Glucose 5 % 500 ml perfusion|flacon|600|I|15
Glucose 10 % 500 ml perfusion|flacon|700|I|15
Glucose 30 % 10 ml injectable|ampoule|150|B|15
Sodium chlorure 0,9 % 500 ml perfusion|flacon|600|I|15
Ringer lactate 500 ml perfusion|flacon|700|I|15
Eau pour préparation injectable 10 ml|ampoule|50|B|15
Potassium chlorure 10 % 10 ml injectable|ampoule|200|I|15
Salbutamol 100 microgrammes/dose aérosol|flacon 200 doses|1500|B|15
Salbutamol 2 mg comprimé|boîte de 100|10|O|15
Salbutamol 5 mg/ml solution pour nébulisation|flacon 20 ml|1500|I|15
Aminophylline 250 mg/10 ml injectable|ampoule|250|I|15
Béclométasone 100 microgrammes/dose aérosol|flacon 200 doses|3500|O|15
Prednisolone 5 mg comprimé|boîte de 100|10|B|15
Dexaméthasone 4 mg/ml injectable|ampoule|150|B|15
Hydrocortisone 100 mg injectable|flacon|800|I|15
Adrénaline 1 mg/ml injectable|ampoule|300|B|15
Chlorphénamine 4 mg comprimé|boîte de 1000|5|O|15
Prométhazine 25 mg comprimé|boîte de 100|10|O|15
Prométhazine 50 mg/2 ml injectable|ampoule|150|B|15
Loratadine 10 mg comprimé|boîte de 10|150|O|7
Diazépam 10 mg/2 ml injectable|ampoule|150|B|15
Diazépam 5 mg comprimé|boîte de 100|10|O|7
Phénobarbital 100 mg comprimé|boîte de 100|15|O|15
Phénobarbital 200 mg/2 ml injectable|ampoule|350|B|15
Carbamazépine 200 mg comprimé|boîte de 100|25|O|15
Valproate de sodium 200 mg comprimé|boîte de 40|75|O|15
Halopéridol 5 mg comprimé|boîte de 100|20|O|7
Halopéridol 5 mg/ml injectable|ampoule|250|B|7
Amitriptyline 25 mg comprimé|boîte de 100|15|O|7
Chlorpromazine 25 mg comprimé|boîte de 100|15|O|7
Lidocaïne 2 % 20 ml injectable|flacon|400|B|15
Lidocaïne 2 % + adrénaline 20 ml injectable|flacon|500|B|15
Kétamine 50 mg/ml 10 ml injectable|flacon|2500|I|15
Bupivacaïne hyperbare 0,5 % 4 ml injectable|ampoule|1200|I|15
Atropine 1 mg/ml injectable|ampoule|100|B|15
Néostigmine 0,5 mg/ml injectable|ampoule|250|I|15
Suxaméthonium 100 mg/2 ml injectable|ampoule|600|I|15
Propofol 1 % 20 ml injectable|ampoule|2500|I|15
Thiopental 1 g injectable|flacon|2000|I|15
Héparine 5000 UI/ml injectable|flacon 5 ml|2500|I|15
Énoxaparine 4000 UI/0,4 ml injectable|seringue|1800|I|7
Acide tranexamique 500 mg/5 ml injectable|ampoule|700|I|15
Povidone iodée 10 % solution|flacon 125 ml|800|B|15
Chlorhexidine 7,1 % gel (soins du cordon)|tube 10 g|500|B|8
Chlorhexidine 0,05 % solution|flacon 250 ml|600|B|15
Alcool éthylique 70 %|flacon 250 ml|500|B|15
Violet de gentiane 0,5 % solution|flacon 50 ml|200|O|15
Benzoate de benzyle 25 % lotion|flacon 125 ml|700|O|15
Oxyde de zinc pommade|tube 30 g|300|O|15
Sulfadiazine argentique 1 % crème|pot 50 g|1500|B|15
Chloramphénicol 0,5 % collyre|flacon 10 ml|300|O|15
Gentamicine 0,3 % collyre|flacon 10 ml|400|O|15
Ciprofloxacine 0,3 % gouttes auriculaires|flacon 5 ml|800|O|15
Tétracycline 3 % pommade dermique|tube 15 g|250|O|15
Isoniazide 300 mg comprimé|boîte de 100|15|O|15
Rifampicine + isoniazide + pyrazinamide + éthambutol 150/75/400/275 mg comprimé|boîte de 672|50|O|15
Rifampicine + isoniazide 150/75 mg comprimé|boîte de 672|30|O|15
Ténofovir + lamivudine + dolutégravir 300/300/50 mg comprimé|flacon 30 cp|0|O|15
Névirapine 50 mg/5 ml suspension buvable|flacon 100 ml|0|O|8
Zidovudine + lamivudine 300/150 mg comprimé|flacon 60 cp|0|O|15
Test de diagnostic rapide du paludisme (TDR)|boîte de 25|300|B|15
Test de dépistage VIH rapide|unité|500|B|15
Test de grossesse urinaire|unité|250|O|6
Bandelette urinaire 10 paramètres|flacon de 100|100|B|15
Sérum antitétanique 1500 UI injectable|ampoule|1500|B|15
Vaccin antitétanique (VAT) injectable|flacon 10 doses|300|O|15
Immunoglobuline anti-D 300 microgrammes injectable|seringue|25000|I|6
Sérum antivenimeux polyvalent injectable|flacon|45000|I|15
Fluorescéine 0,5 % collyre|unité|200|O|15
Charbon activé 50 g poudre|flacon|2500|I|15
Naloxone 0,4 mg/ml injectable|ampoule|2000|I|15
Gluconate de calcium 10 % 10 ml injectable|ampoule|400|I|15
Bicarbonate de sodium 8,4 % 10 ml injectable|ampoule|450|I|15
Dextran 40 perfusion 500 ml|flacon|3000|I|15
Mannitol 20 % 500 ml perfusion|flacon|3500|I|15
Salbutamol 0,5 mg/ml injectable|ampoule|500|I|6
Nicardipine 10 mg/10 ml injectable|ampoule|2000|I|7
Ceftazidime 1 g injectable|flacon|2000|I|15
Vancomycine 500 mg injectable|flacon|3000|I|15`;

export const DEMO_CONSUMABLES = `Seringue 2 ml avec aiguille|unité|50|B|15
Seringue 5 ml avec aiguille|unité|50|B|15
Seringue 10 ml avec aiguille|unité|75|B|15
Seringue autobloquante 0,5 ml|unité|60|B|15
Aiguille 21G|unité|25|B|15
Cathéter intraveineux 18G|unité|300|I|15
Cathéter intraveineux 22G|unité|300|I|15
Cathéter intraveineux 24G (pédiatrique)|unité|300|I|8
Perfuseur (trousse de perfusion)|unité|250|I|15
Transfuseur (trousse de transfusion)|unité|600|I|15
Épicrânienne 23G|unité|150|I|8
Gants d'examen non stériles|boîte de 100|40|B|15
Gants chirurgicaux stériles 7,5|paire|250|B|15
Compresses stériles 10 x 10 cm|paquet de 10|250|B|15
Coton hydrophile 100 g|rouleau|600|B|15
Bande de gaze 10 cm x 5 m|rouleau|150|B|15
Bande élastique 10 cm|rouleau|700|B|15
Sparadrap 5 cm x 5 m|rouleau|800|B|15
Fil de suture résorbable 2/0 avec aiguille|unité|1500|B|15
Fil de suture non résorbable 2/0 avec aiguille|unité|1000|B|15
Fil de suture résorbable 0 (catgut chromé)|unité|1500|I|15
Lame de bistouri n° 23|unité|100|B|15
Sonde urinaire Foley CH16|unité|800|I|15
Poche à urine 2 l|unité|400|I|15
Sonde nasogastrique CH8|unité|350|I|8
Sonde d'aspiration CH10|unité|250|I|15
Kit d'accouchement (gants, compresses, clamp, lame)|kit|2500|B|6
Clamp de cordon ombilical|unité|100|B|6
Kit de césarienne|kit|25000|I|6
Kit de soins après avortement (AMIU)|kit|7500|B|6
Kit de prélèvement sanguin (tube sec)|unité|200|B|15
Tube EDTA 4 ml|unité|150|B|15
Lancette stérile|boîte de 100|15|B|15
Lame porte-objet|boîte de 50|20|B|15
Masque chirurgical|unité|50|B|15
Plâtre 10 cm x 2,7 m|rouleau|1500|B|15
Attelle de membre|unité|3000|B|15
Abaisse-langue|boîte de 100|10|O|15
Thermomètre électronique|unité|1500|O|15
Poche de sang vide 450 ml (CPDA)|unité|2500|I|15
Moustiquaire imprégnée d'insecticide|unité|2500|O|14
Tubulure d'oxygène avec lunettes nasales (adulte)|unité|800|I|7
Tubulure d'oxygène avec lunettes nasales (enfant)|unité|800|I|11
Oxygène médical (heure)|heure|1000|I|15
Drain de Redon CH12|unité|2500|I|15
Champ opératoire stérile|unité|800|I|15
Blouse chirurgicale stérile|unité|1500|I|15
Fixateur de cathéter|unité|150|I|15
Robinet à 3 voies|unité|400|I|15
Spéculum vaginal à usage unique|unité|500|O|6
Couche pour adulte|unité|300|I|7
Bassin de lit à usage unique|unité|300|I|15
Collecteur d'aiguilles|unité|1500|B|15
Seringue à insuline 1 ml|unité|75|B|15
Bandelette de glycémie|boîte de 50|150|B|15`;
