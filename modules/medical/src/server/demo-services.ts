/**
 * Demo services register (actes) with FCFA tariffs of a community health insurance scheme:
 * `name|type P/C|category|level|price|careType|patientCategory|packageType`. Codes are given in order by the seed.
 */
export const DEMO_SERVICES = `Consultation curative infirmier (CSI)|C|C|S|500|O|15|S
Consultation curative médecin généraliste|C|C|S|2000|O|15|S
Consultation de médecin spécialiste|C|C|S|5000|O|15|S
Consultation curative enfant de moins de 5 ans|C|C|S|300|O|8|S
Consultation de nuit ou de week-end|C|C|S|1000|O|15|S
Consultation de référence (hôpital de district)|C|C|S|2500|O|15|S
Consultation de suivi (contrôle)|C|C|S|0|O|15|S
Visite à domicile par l'agent de santé communautaire|C|V|V|300|O|15|S
Consultation prénatale (CPN) 1re visite|P|A|V|1000|O|6|S
Consultation prénatale (CPN) visites suivantes|P|A|V|500|O|6|S
Consultation postnatale|P|O|V|500|O|6|S
Consultation de planification familiale|P|O|V|500|O|6|S
Pose d'implant contraceptif|P|O|S|1000|O|6|S
Retrait d'implant contraceptif|P|O|S|1000|O|6|S
Pose de dispositif intra-utérin|P|O|S|1500|O|6|S
Consultation du nourrisson sain (suivi de croissance)|P|O|V|0|O|8|S
Vaccination (séance)|P|O|S|0|O|15|S
Accouchement eutocique simple|C|D|S|10000|B|6|P
Accouchement eutocique avec épisiotomie|C|D|S|12500|B|6|P
Accouchement gémellaire|C|D|S|15000|I|6|P
Accouchement dystocique (ventouse, forceps)|C|D|S|20000|I|6|P
Césarienne|C|S|H|100000|I|6|F
Révision utérine|C|S|S|10000|I|6|S
Délivrance artificielle|C|D|S|7500|I|6|S
Aspiration manuelle intra-utérine (AMIU)|C|S|S|10000|B|6|S
Curetage utérin|C|S|S|15000|I|6|S
Grossesse extra-utérine (laparotomie)|C|S|H|90000|I|6|F
Hystérectomie|C|S|H|150000|I|6|F
Myomectomie|C|S|H|120000|I|6|F
Appendicectomie|C|S|H|75000|I|15|F
Cure de hernie inguinale|C|S|H|60000|I|15|F
Cure de hernie ombilicale|C|S|H|50000|I|15|F
Laparotomie exploratrice|C|S|H|100000|I|15|F
Péritonite (laparotomie et lavage)|C|S|H|120000|I|15|F
Occlusion intestinale (laparotomie)|C|S|H|120000|I|15|F
Hydrocèle (cure chirurgicale)|C|S|H|50000|I|5|F
Adénomectomie prostatique|C|S|H|150000|I|5|F
Circoncision|C|S|S|10000|O|9|S
Incision et drainage d'abcès|C|S|S|3000|B|15|S
Suture de plaie simple|C|S|S|2000|B|15|S
Suture de plaie complexe|C|S|S|5000|B|15|S
Pansement simple|C|O|S|500|B|15|S
Pansement complexe (brûlure, plaie infectée)|C|O|S|1500|B|15|S
Ablation de corps étranger|C|S|S|2000|B|15|S
Réduction de fracture et plâtre|C|S|S|15000|B|15|S
Réduction de luxation|C|S|S|10000|B|15|S
Ostéosynthèse|C|S|H|150000|I|15|F
Amputation|C|S|H|100000|I|15|F
Extraction dentaire simple|C|O|S|2000|O|15|S
Extraction dentaire chirurgicale|C|S|S|5000|O|15|S
Détartrage|C|O|S|5000|O|15|S
Obturation dentaire|C|O|S|5000|O|15|S
Cataracte (chirurgie avec implant)|C|S|H|60000|I|15|F
Trichiasis (chirurgie palpébrale)|C|S|S|10000|O|15|S
Injection intramusculaire ou intraveineuse|C|O|S|100|B|15|S
Pose de perfusion|C|O|S|500|B|15|S
Transfusion sanguine (acte)|C|O|S|2500|I|15|S
Poche de sang (produit sanguin labile)|C|O|S|5000|I|15|S
Sondage urinaire|C|O|S|1000|B|15|S
Oxygénothérapie (séance)|C|O|S|2000|I|15|S
Nébulisation|C|O|S|1000|B|15|S
Mise en observation (moins de 24 h)|C|H|D|1500|I|15|S
Journée d'hospitalisation en salle commune (CSI)|C|H|D|1000|I|15|S
Journée d'hospitalisation en salle commune (hôpital de district)|C|H|D|2000|I|15|S
Journée d'hospitalisation en pédiatrie|C|H|D|1500|I|8|S
Journée d'hospitalisation en maternité|C|H|D|1500|I|6|S
Journée d'hospitalisation en chambre individuelle|C|H|D|7500|I|15|S
Journée en réanimation|C|H|D|15000|I|15|S
Forfait hospitalisation paludisme grave enfant|C|H|H|15000|I|8|F
Forfait hospitalisation paludisme grave adulte|C|H|H|20000|I|7|F
Forfait prise en charge malnutrition aiguë sévère|C|H|H|25000|I|8|F
Forfait prise en charge diarrhée avec déshydratation sévère|C|H|H|10000|I|15|F
Goutte épaisse / frottis sanguin|C|O|S|500|B|15|S
Test de diagnostic rapide du paludisme (acte)|C|O|S|300|B|15|S
Numération formule sanguine (NFS)|C|O|S|2500|B|15|S
Taux d'hémoglobine|C|O|S|500|B|15|S
Vitesse de sédimentation|C|O|S|1000|B|15|S
Groupe sanguin et rhésus|C|O|S|1500|B|15|S
Glycémie|C|O|S|1000|B|15|S
Créatininémie|C|O|S|2000|B|15|S
Urée sanguine|C|O|S|2000|B|15|S
Transaminases (ASAT, ALAT)|C|O|S|3000|B|15|S
Examen cytobactériologique des urines (ECBU)|C|O|S|3500|B|15|S
Albuminurie et glycosurie (bandelette)|C|O|S|300|B|15|S
Examen parasitologique des selles|C|O|S|1000|B|15|S
Recherche de BAAR (crachats)|C|O|S|0|B|15|S
Test VIH (dépistage)|P|O|S|0|B|15|S
Sérologie syphilis (RPR/TPHA)|C|O|S|1500|B|15|S
Antigène HBs|C|O|S|2500|B|15|S
Widal et Félix|C|O|S|2500|B|15|S
Test de grossesse (acte)|C|O|S|500|O|6|S
Radiographie du thorax|C|O|S|5000|B|15|S
Radiographie d'un membre|C|O|S|4000|B|15|S
Radiographie du bassin|C|O|S|5000|B|15|S
Échographie obstétricale|P|A|S|5000|O|6|S
Échographie abdominale|C|O|S|7500|B|15|S
Électrocardiogramme (ECG)|C|O|S|5000|B|7|S
Évacuation sanitaire en ambulance (référence)|C|O|S|15000|B|15|S
Kinésithérapie (séance)|C|O|S|2500|O|15|S
Certificat médical|C|O|S|1000|O|15|S
Prise en charge d'une morsure de serpent|C|H|H|20000|I|15|F
Prise en charge d'une crise d'asthme sévère|C|O|S|5000|B|15|S
Dépistage du cancer du col (IVA/IVL)|P|O|S|1000|O|6|S
Cryothérapie du col de l'utérus|C|O|S|5000|O|6|S
Éducation pour la santé (séance de groupe)|P|O|S|0|O|15|S`;
